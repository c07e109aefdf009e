using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Mimo.Api.Auth;
using Mimo.Api.Dashboard;
using Mimo.Silo.Hosting;

namespace Mimo.Api.Tests.Dashboard;

public sealed class DashboardSessionTests
{
    private static readonly OperatorKey Key = new("the-operator-key-0123456789", generated: false);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AnIssuedSession_IsValid_UntilItsLifetimeEnds()
    {
        var sessions = Sessions(Key);

        var (value, expiresAt) = sessions.Issue();

        Assert.Equal(_clock.GetUtcNow().AddMinutes(30), expiresAt);
        Assert.True(sessions.IsValid(value));
        _clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        Assert.True(sessions.IsValid(value));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(sessions.IsValid(value));
    }

    [Fact]
    public void ASession_IsValidOnEveryProcessWithTheSameOperatorKey_AndOnNoOther()
    {
        var (value, _) = Sessions(Key).Issue();

        Assert.True(Sessions(new OperatorKey("the-operator-key-0123456789", generated: false)).IsValid(value));
        Assert.False(Sessions(new OperatorKey("another-operator-key-0123456", generated: false)).IsValid(value));
    }

    [Fact]
    public void ASessionWithALaterExpiry_IsRefused()
    {
        var sessions = Sessions(Key);
        var (value, expiresAt) = sessions.Issue();
        var parts = value.Split('.');

        var extended = $"{expiresAt.AddDays(1).ToUnixTimeSeconds()}.{parts[1]}.{parts[2]}";

        Assert.False(sessions.IsValid(extended));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("1.2")]
    [InlineData("..")]
    [InlineData("99999999999.abc.%%%")]
    [InlineData("-1.abc.def")]
    public void Garbage_IsRefused(string? value)
    {
        Assert.False(Sessions(Key).IsValid(value));
    }

    [Fact]
    public void AnOverlongValue_IsRefused()
    {
        var sessions = Sessions(Key);
        var (value, _) = sessions.Issue();

        Assert.False(sessions.IsValid(value + new string('A', 200)));
    }

    private DashboardSession Sessions(OperatorKey key) =>
        new(key, Options.Create(new DashboardSettings()), _clock);
}
