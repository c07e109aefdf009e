using System.Net;
using System.Net.Http.Json;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing.Postgres;

namespace Mimo.Api.Tests.EndToEnd;

/// <summary>The API in front of a PostgreSQL server that goes away for a while and comes back.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task DatabaseDown_WritesAnswer503WithRetryAfter_AndWorkResumesWhenItIsBack()
    {
        await using var server = await PostgresServer.StartDedicatedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
        });
        var tenant = await host.NewTenantAsync();
        await PutCustomerAsync(tenant, "c-1", "Before the outage");

        await server.StopAsync();
        var duringOutage = await PutCustomerAsync(tenant, "c-2", "During the outage");
        var ready = await host.CreateClient().GetAsync("/health/ready");
        await server.StartAsync();
        var afterOutage = await PutCustomerAsync(tenant, "c-3", "After the outage");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, duringOutage.StatusCode);
        Assert.Equal("application/problem+json", duringOutage.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(duringOutage.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.Created, afterOutage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tenant.Http.GetAsync("/v1/customers/c-1")).StatusCode);
    }

    private static Task<HttpResponseMessage> PutCustomerAsync(TenantClient tenant, string id, string name) =>
        tenant.Http.PutAsJsonAsync($"/v1/customers/{id}", new
        {
            name,
            contacts = new[] { new { email = "ap@example.test" } },
        });
}
