using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Mimo.Silo.Hosting;
using Orleans.Configuration;

namespace Mimo.Silo.Tests.Hosting;

/// <summary>The settings a process manager relies on: how long a silo takes to stop, and its name.</summary>
public sealed class SiloHostSettingsTests
{
    [Fact]
    public void ShutdownTimeout_Unset_IsThirtySeconds()
    {
        using var host = BuildSilo(new Dictionary<string, string?>());

        Assert.Equal(TimeSpan.FromSeconds(30), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void ShutdownTimeout_Set_IsTheHostsShutdownTimeout()
    {
        using var host = BuildSilo(new Dictionary<string, string?> { ["Silo:ShutdownTimeout"] = "00:00:45" });

        Assert.Equal(TimeSpan.FromSeconds(45), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Theory]
    [InlineData("00:00:01")]
    [InlineData("00:30:00")]
    public void ShutdownTimeout_OutOfRange_StopsTheSiloWithTheKeyName(string timeout)
    {
        var settings = new Dictionary<string, string?> { ["Silo:ShutdownTimeout"] = timeout };

        var failure = Assert.Throws<OptionsValidationException>(() => BuildSilo(settings).Dispose());

        Assert.Contains("Silo:ShutdownTimeout", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SiloName_Set_NamesTheSilo()
    {
        using var host = BuildSilo(new Dictionary<string, string?> { ["Cluster:SiloName"] = "mimo-silo-7d9f-x2x4q" });

        Assert.Equal("mimo-silo-7d9f-x2x4q", host.Services.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName);
    }

    private static IHost BuildSilo(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.AddMimo(builder.Configuration));
        return builder.Build();
    }
}
