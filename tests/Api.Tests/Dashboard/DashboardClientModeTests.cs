using System.Net;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing;
using Mimo.Testing.Orleans;
using Mimo.Testing.Postgres;

namespace Mimo.Api.Tests.Dashboard;

/// <summary>
/// The Orleans dashboard on an API in the client role: it is served by the API and shows the
/// statistics that the silos collect, behind the same operator key as in the embedded role.
/// </summary>
public sealed class DashboardClientModeTests
{
    [Fact]
    public async Task AnApiInTheClientRole_ServesTheDashboardOfItsSilos_ToTheOperatorOnly()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = "dash-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = await TestSilo.StartAsync(database.ConnectionString, clusterId);
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Cluster:ClusterId"] = clusterId,
            ["Cluster:Role"] = "Client",
        });
        using var anonymous = host.CreateClient();
        using var operatorClient = host.CreateClient(ApiHost.OperatorKey);
        var tenant = await host.NewTenantAsync();

        var withoutKey = await anonymous.GetAsync("/dashboard/DashboardCounters");
        var withTenantKey = await tenant.Http.GetAsync("/dashboard/DashboardCounters");
        // The dashboard gathers the silos' statistics in the background, the first time a moment
        // after start-up.
        var counters = await Poll.UntilAsync(
            async () => await (await operatorClient.GetAsync("/dashboard/DashboardCounters"))
                .JsonAsync(HttpStatusCode.OK),
            c => c.GetProperty("hosts").GetArrayLength() > 0,
            TimeSpan.FromSeconds(30));

        await withoutKey.ProblemAsync(HttpStatusCode.Unauthorized);
        await withTenantKey.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, counters.GetProperty("hosts").GetArrayLength());
    }
}
