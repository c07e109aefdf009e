using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mimo.Silo.Hosting;
using Mimo.Testing.Network;

namespace Mimo.Testing.Orleans;

/// <summary>
/// A silo host built exactly as <c>dotnet run --project src/Silo</c> builds it, on free loopback
/// ports, against the given database; tests start, stop and restart it like a process.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestSilo(IHost host, int gatewayPort)
    {
        _host = host;
        GatewayPort = gatewayPort;
    }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public int GatewayPort { get; }

    /// <summary>Starts a silo of cluster <paramref name="clusterId"/> on <paramref name="connectionString"/>.</summary>
    public static async Task<TestSilo> StartAsync(
        string connectionString,
        string clusterId,
        Action<ISiloBuilder>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = Build(connectionString, clusterId, configure, settings, out var gatewayPort);
        await host.StartAsync();
        return new TestSilo(host, gatewayPort);
    }

    /// <summary>Builds a silo without starting it, so that tests can start several at the same instant.</summary>
    public static TestSilo Create(
        string connectionString,
        string clusterId,
        Action<ISiloBuilder>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = Build(connectionString, clusterId, configure, settings, out var gatewayPort);
        return new TestSilo(host, gatewayPort);
    }

    public Task StartAsync() => _host.StartAsync();

    /// <summary>A graceful stop, as on SIGTERM: the silo leaves the cluster and hands over its reminders.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }

    private static IHost Build(
        string connectionString,
        string clusterId,
        Action<ISiloBuilder>? configure,
        IReadOnlyDictionary<string, string?>? settings,
        out int gatewayPort)
    {
        gatewayPort = FreeTcpPort.Next();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:SiloPort"] = FreeTcpPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cluster:AdvertisedAddress"] = "127.0.0.1",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.UseOrleans(silo =>
        {
            silo.AddMimo(builder.Configuration);
            configure?.Invoke(silo);
        });
        return builder.Build();
    }
}
