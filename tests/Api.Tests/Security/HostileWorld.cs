using System.Net;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Security;

/// <summary>
/// A tenant with a customer, an invoice, a template and a workflow for hostile requests to aim at,
/// and a snapshot of everything that can be read back about them.
/// </summary>
public sealed class HostileWorld(TenantClient tenant)
{
    private static readonly string[] ReadPaths =
    [
        "/v1/tenant", "/v1/tenant/api-keys", "/v1/customers", "/v1/customers/c-seed",
        "/v1/customers/c-seed/invoices/i-seed", "/v1/customers/c-seed/schedule", "/v1/customers/c-seed/pay-score",
        "/v1/customers/c-seed/activity", "/v1/templates", "/v1/templates/t-seed", "/v1/workflows",
        "/v1/workflows/w-seed",
    ];

    public TenantClient Tenant => tenant;

    public RouteIds Ids { get; } = new("c-seed", "i-seed", "t-seed", "w-seed", tenant.Key.Split('_')[2]);

    public static async Task<HostileWorld> SeedAsync(ApiFixture api)
    {
        var tenant = await api.NewTenantAsync("Hostile Target");
        await (await tenant.Http.PutJsonAsync("/v1/customers/c-seed", Bodies.Customer("Seeded GmbH")))
            .JsonAsync(HttpStatusCode.Created);
        await (await tenant.Http.PutJsonAsync("/v1/customers/c-seed/invoices/i-seed", Bodies.Invoice(700m)))
            .JsonAsync(HttpStatusCode.Created);
        await (await tenant.Http.PutJsonAsync("/v1/templates/t-seed", Bodies.Template("Seeded")))
            .JsonAsync(HttpStatusCode.Created);
        await (await tenant.Http.PutJsonAsync("/v1/workflows/w-seed", Bodies.Workflow("Seeded", templateId: "t-seed")))
            .JsonAsync(HttpStatusCode.Created);
        return new HostileWorld(tenant);
    }

    /// <summary>The status and body of every read of the seeded data, one line each.</summary>
    public async Task<string> SnapshotAsync()
    {
        var lines = new List<string>();
        foreach (var path in ReadPaths)
        {
            var response = await tenant.Http.GetAsync(path);
            lines.Add($"{path} {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return string.Join('\n', lines);
    }
}
