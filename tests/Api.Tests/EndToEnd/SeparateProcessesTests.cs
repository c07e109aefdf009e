using System.Net;
using System.Net.Http.Headers;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing.Network;
using Mimo.Testing.Postgres;
using Mimo.Testing.Processes;

namespace Mimo.Api.Tests.EndToEnd;

/// <summary>
/// The durable deployment: a silo process and an API process in the client role on PostgreSQL,
/// started, stopped and restarted like the README tells an operator to.
/// </summary>
public sealed class SeparateProcessesTests : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string _clusterId = "e2e-" + Guid.NewGuid().ToString("N")[..8];
    private readonly int _siloPort = FreeTcpPort.Next();
    private readonly int _gatewayPort = FreeTcpPort.Next();
    private readonly Uri _apiAddress = new($"http://127.0.0.1:{FreeTcpPort.Next()}");
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(migrated: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Walkthrough_WorksAgainstSeparateProcesses_AndTheDataSurvivesRestartingBoth()
    {
        var migrate = await ServiceProcess.RunAsync("Mimo.Silo", Environment(), "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Output);

        string tenantKey;
        await using (var silo = await StartSiloAsync())
        await using (var api = await StartApiAsync())
        {
            (tenantKey, var output) = await ReadmeWalkthrough.RunAsync(_apiAddress);
            WalkthroughAssertions.AssertNoErrorAnswers(output);
            await api.StopAsync();
            await silo.StopAsync();
        }

        await using (var silo = await StartSiloAsync())
        await using (var api = await StartApiAsync())
        {
            await WalkthroughAssertions.AssertDataIsThereAsync(_apiAddress, tenantKey);
            Assert.DoesNotContain("fail:", api.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("fail:", silo.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApiWithoutSilos_AnswersServiceUnavailableWithRetryAfter()
    {
        var tenantKey = "";
        await using var silo = await StartSiloAsync();
        await using var api = await StartApiAsync();
        (tenantKey, _) = await ReadmeWalkthrough.RunAsync(_apiAddress);

        await silo.StopAsync();
        using var http = new HttpClient { BaseAddress = _apiAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenantKey);
        var response = await http.GetAsync("/v1/customers/c-1001");
        var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    private Dictionary<string, string?> Environment() =>
        LoopbackProcesses.Environment(_database.ConnectionString, _clusterId);

    private Task<ServiceProcess> StartSiloAsync() =>
        LoopbackProcesses.StartAsync(
            "Mimo.Silo",
            LoopbackProcesses.Silo(
                _database.ConnectionString,
                _clusterId,
                siloPort: _siloPort,
                gatewayPort: _gatewayPort),
            StartTimeout);

    private Task<ServiceProcess> StartApiAsync() =>
        LoopbackProcesses.StartAsync(
            "Mimo.Api",
            LoopbackProcesses.ClientApi(_database.ConnectionString, _clusterId, ReadmeWalkthrough.OperatorKey),
            StartTimeout,
            "--urls",
            _apiAddress.ToString());
}
