using System.Globalization;
using System.Net.Http.Json;
using Mimo.Benchmarks.Infrastructure;
using Mimo.Testing.Network;
using Mimo.Testing.Processes;

namespace Mimo.Benchmarks.Hosting;

/// <summary>
/// The durable deployment one measurement runs against: a fresh database, one silo process (the
/// bench's <see cref="BenchSiloHost"/>) and one API process (<c>Mimo.Api.dll</c> from its own build
/// output, in the client role), all on loopback. Separate processes, so that each one's CPU can be
/// told apart, the silo's heap holds only the silo, and a restart starts a real process.
/// </summary>
internal sealed class Deployment : IAsyncDisposable
{
    public const string OperatorKey = "mimo-bench-operator-key";

    private const string ClusterId = "mimo-bench";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, string?> _siloEnvironment;
    private readonly int _probePort;
    private readonly string _pickupFolder;

    private Deployment(
        string connectionString,
        Dictionary<string, string?> siloEnvironment,
        int probePort,
        string pickupFolder)
    {
        ConnectionString = connectionString;
        _siloEnvironment = siloEnvironment;
        _probePort = probePort;
        _pickupFolder = pickupFolder;
    }

    public string ConnectionString { get; }

    public Uri ApiAddress { get; } =
        new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreeTcpPort.Next()}"));

    public ServiceProcess Silo { get; private set; } = null!;

    public ServiceProcess Api { get; private set; } = null!;

    /// <summary>How the first silo start went (an empty database: migrations, then no reminders to load).</summary>
    public SiloStart FirstStart { get; private set; } = null!;

    /// <summary>Starts a deployment on a new database; with <paramref name="smtp"/>, the silo sends there.</summary>
    public static async Task<Deployment> StartAsync(BenchPostgres postgres, SmtpSettings? smtp)
    {
        var connectionString = await postgres.CreateDatabaseAsync("mimo_bench");
        var pickup = Directory.CreateTempSubdirectory("mimo-bench-outbox-").FullName;
        var probePort = FreeTcpPort.Next();
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Cluster__ClusterId"] = ClusterId,
            ["Cluster__SiloPort"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = FreeTcpPort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster__AdvertisedAddress"] = "127.0.0.1",
            ["Smtp__PickupDirectory"] = pickup,
            ["MimoBench__ProbePort"] = probePort.ToString(CultureInfo.InvariantCulture),
        };
        smtp?.AddTo(environment);

        var deployment = Leftovers.Track(new Deployment(connectionString, environment, probePort, pickup));
        deployment.FirstStart = await deployment.StartSiloAsync();
        await deployment.StartApiAsync();
        return deployment;
    }

    /// <summary>
    /// Starts a silo process and waits until it is ready: the host has started (the silo is active
    /// in the membership table and its gateway is open) and its reminder service has loaded the
    /// reminders of its range. The times are the silo's own, from just before the process started.
    /// </summary>
    public async Task<SiloStart> StartSiloAsync()
    {
        var launched = DateTimeOffset.UtcNow;
        Silo = ServiceProcess.StartAssembly(
            typeof(BenchSiloHost).Assembly.Location, "silo", _siloEnvironment, BenchSiloHost.Verb);
        await Silo.WaitForOutputAsync(SiloMarkers.Prefix + SiloMarkers.Started, StartTimeout);
        await Silo.WaitForOutputAsync(SiloMarkers.Prefix + SiloMarkers.ReminderServiceStarted, StartTimeout);

        var output = Silo.Output;
        var started = SiloMarkers.Find(output, SiloMarkers.Started)!.Value;
        var reminders = SiloMarkers.Find(output, SiloMarkers.ReminderServiceStarted)!.Value;
        return new SiloStart(launched, started - launched, reminders - launched);
    }

    /// <summary>Stops the silo with SIGTERM, as an orchestrator does, and returns how long it took to exit.</summary>
    public async Task<TimeSpan> StopSiloAsync()
    {
        var stopping = DateTimeOffset.UtcNow;
        await Silo.StopAsync();
        var stopped = DateTimeOffset.UtcNow - stopping;
        await Silo.DisposeAsync();
        return stopped;
    }

    /// <summary>The silo's managed heap after a full collection, and its activations.</summary>
    public async Task<HeapReading> ReadHeapAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_probePort}/heap");
        return (await http.GetFromJsonAsync<HeapReading>(address, HeapReading.JsonOptions))!;
    }

    /// <summary>The processes whose CPU a measurement reports, by name.</summary>
    public Dictionary<string, Func<double?>> CpuSources(BenchPostgres postgres) => new()
    {
        ["silo"] = () => LocalProcesses.CpuSeconds(Silo.Id),
        ["api"] = () => LocalProcesses.CpuSeconds(Api.Id),
        ["postgres"] = () => postgres.PostmasterId is { } id ? LocalProcesses.TreeCpuSeconds(id) : null,
        ["bench"] = () => LocalProcesses.CpuSeconds(Environment.ProcessId),
        [CpuWatch.Machine] = LocalProcesses.MachineBusySeconds,
    };

    public async ValueTask DisposeAsync()
    {
        Leftovers.Forget(this);
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        Directory.Delete(_pickupFolder, recursive: true);
    }

    private async Task StartApiAsync()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = ConnectionString,
            ["Cluster__ClusterId"] = ClusterId,
            ["Cluster__Role"] = "Client",
            ["Operator__ApiKey"] = OperatorKey,

            // The per-tenant request limit is a policy, not a cost: all the bench's requests come
            // from one tenant, far above the default 500 a second.
            ["RateLimit__RequestsPerSecond"] = "100000",
            ["RateLimit__Burst"] = "1000000",
        };
        Api = ServiceProcess.Start("Mimo.Api", environment, "--urls", ApiAddress.ToString());
        await Api.WaitForOutputAsync("Application started", StartTimeout);
        await WaitUntilReadyAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = ApiAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (true)
        {
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The API did not become ready. Its output:\n{Api.Output}");
            }

            await Task.Delay(200);
        }
    }
}
