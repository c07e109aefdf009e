using System.Globalization;
using Mimo.Grains.Email;

namespace Mimo.Grains.Tests.Email;

public sealed class SmtpOptionsValidatorTests
{
    private readonly SmtpOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(_validator.Validate(null, new SmtpOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Validate_MaxConnectionsOutOfRange_Fails(int maxConnections)
    {
        var result = _validator.Validate(null, new SmtpOptions { MaxConnections = maxConnections });

        Assert.Contains("Smtp:MaxConnections", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void Validate_MaxDeliveriesInFlightOutOfRange_Fails(int inFlight)
    {
        var result = _validator.Validate(null, new SmtpOptions { MaxDeliveriesInFlight = inFlight });

        Assert.Contains("Smtp:MaxDeliveriesInFlight", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Validate_RateNotAPositiveNumber_Fails(double rate)
    {
        var result = _validator.Validate(null, new SmtpOptions { MaxMessagesPerSecondPerTenant = rate });

        Assert.Contains("Smtp:MaxMessagesPerSecondPerTenant", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("01:00:00")]
    public void Validate_TimeoutOutOfRange_Fails(string timeout)
    {
        var options = new SmtpOptions { Timeout = TimeSpan.Parse(timeout, CultureInfo.InvariantCulture) };

        var result = _validator.Validate(null, options);

        Assert.Contains("Smtp:Timeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownSecurity_Fails()
    {
        var result = _validator.Validate(null, new SmtpOptions { Security = (SmtpSecurity)42 });

        Assert.Contains("Smtp:Security", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UserNameWithoutPassword_Fails()
    {
        var result = _validator.Validate(null, new SmtpOptions { Host = "smtp.example", UserName = "mimo" });

        Assert.Contains("Smtp:Password", result.FailureMessage, StringComparison.Ordinal);
    }
}
