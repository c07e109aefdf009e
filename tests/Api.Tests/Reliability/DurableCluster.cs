using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing.Network;
using Mimo.Testing.Postgres;
using Mimo.Testing.Processes;
using Mimo.Testing.Smtp;

namespace Mimo.Api.Tests.Reliability;

/// <summary>
/// A durable deployment on loopback, as operations.md describes it: a PostgreSQL server of its
/// own (so that it can be stopped without touching other tests), an SMTP server, two silo
/// processes and the API in client mode.
/// </summary>
public sealed class DurableCluster : IAsyncDisposable
{
    public const string OperatorKey = "outage-operator-key-0123456789";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly PostgresServer _server;
    private readonly string _connectionString;
    private readonly string _clusterId = "outage-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<ServiceProcess> _processes = [];

    private DurableCluster(PostgresServer server, string connectionString, TestSmtpServer smtp)
    {
        _server = server;
        _connectionString = connectionString;
        Smtp = smtp;
    }

    public TestSmtpServer Smtp { get; }

    public Uri ApiAddress { get; } = new($"http://127.0.0.1:{FreeTcpPort.Next()}");

    /// <summary>The silo processes, in the order they were started.</summary>
    public IReadOnlyList<ServiceProcess> Silos => _processes.Where(p => p.Name == "Mimo.Silo").ToList();

    public ServiceProcess Api => _processes.Single(p => p.Name == "Mimo.Api");

    /// <summary>Starts everything; <paramref name="reminderPeriod"/> is each customer's reminder period.</summary>
    public static async Task<DurableCluster> StartAsync(TimeSpan reminderPeriod)
    {
        var server = await PostgresServer.StartDedicatedAsync();
        var cluster = new DurableCluster(server, await server.CreateDatabaseAsync(), await TestSmtpServer.StartAsync());
        try
        {
            await Task.WhenAll(
                cluster.StartSiloAsync("silo-a", reminderPeriod),
                cluster.StartSiloAsync("silo-b", reminderPeriod));
            await cluster.StartApiAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops PostgreSQL (<c>pg_ctl stop -m fast</c>: open sessions are ended); its data stays.</summary>
    public Task StopDatabaseAsync() => _server.StopAsync();

    public Task StartDatabaseAsync() => _server.StartAsync();

    public async Task<TenantClient> NewTenantAsync(string name)
    {
        using var operatorClient = Client(OperatorKey);
        var response = await operatorClient.PostAsJsonAsync("/v1/tenants", new
        {
            name,
            sender = new { name, email = "billing@outage.test" },
        });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        return new TenantClient(created.Text("id"), created.Text("apiKey"), Client(created.Text("apiKey")));
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = ApiAddress, Timeout = TimeSpan.FromSeconds(90) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The output of every process, for a failure message.</summary>
    public string Output(int lastLines = 60) => string.Join('\n', _processes.Select(p =>
        $"--- {p.Name}:\n" + string.Join('\n', p.Output.Split('\n').TakeLast(lastLines))));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task StartSiloAsync(string name, TimeSpan reminderPeriod)
    {
        var environment = LoopbackProcesses.Silo(_connectionString, _clusterId, name).WithSmtp(Smtp);
        environment["Reminders__ReminderPeriod"] = reminderPeriod.ToString("c", CultureInfo.InvariantCulture);
        environment["Reminders__DeliveryReportTimeout"] = "00:00:30";
        await StartAsync("Mimo.Silo", environment);
    }

    private Task StartApiAsync()
    {
        var environment = LoopbackProcesses.ClientApi(_connectionString, _clusterId, OperatorKey);
        environment["RateLimit__RequestsPerSecond"] = "100000";
        environment["RateLimit__Burst"] = "1000000";
        return StartAsync("Mimo.Api", environment, "--urls", ApiAddress.ToString());
    }

    private async Task StartAsync(string program, Dictionary<string, string?> environment, params string[] arguments)
    {
        var process = ServiceProcess.Start(program, environment, arguments);
        lock (_processes)
        {
            _processes.Add(process);
        }

        await process.WaitForOutputAsync("Application started", StartTimeout);
    }
}
