using System.Net;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Security;

/// <summary>
/// Tenant B using tenant A's ids gets exactly what it gets for ids that do not exist, on every
/// route, and tenant A's data is untouched afterwards.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TenantIsolationTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(RouteCatalogue.TenantRouteNames), MemberType = typeof(RouteCatalogue))]
    public async Task AnotherTenantsIds_AnswerLikeIdsThatDoNotExist(string route)
    {
        var owner = await api.NewTenantAsync("Owner");
        var intruder = await api.NewTenantAsync("Intruder");
        await OwnDataAsync(owner);
        var before = await SnapshotAsync(owner);
        var routeCase = RouteCatalogue.Find(route);
        var ownersKeyId = owner.Key.Split('_')[2];

        var withOwnersIds = await Describe(
            await intruder.Http.SendAsync(routeCase.Request("c-owned", "i-owned", "t-owned", "w-owned", ownersKeyId)));
        var unknown = routeCase.Request("c-unknown", "i-unknown", "t-unknown", "w-unknown", "kunknown");
        var withUnknownIds = await Describe(await intruder.Http.SendAsync(unknown));

        Assert.Equal(withUnknownIds, withOwnersIds);
        Assert.Equal(before, await SnapshotAsync(owner));
    }

    [Fact]
    public async Task CustomerList_ShowsOnlyTheCallersCustomers()
    {
        var owner = await api.NewTenantAsync("Owner");
        var other = await api.NewTenantAsync("Other");
        await OwnDataAsync(owner);

        var page = await (await other.Http.GetAsync("/v1/customers")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    private static async Task OwnDataAsync(TenantClient owner)
    {
        await (await owner.Http.PutJsonAsync("/v1/customers/c-owned", Bodies.Customer("Owned Ltd")))
            .JsonAsync(HttpStatusCode.Created);
        await (await owner.Http.PutJsonAsync("/v1/customers/c-owned/invoices/i-owned", Bodies.Invoice(500m)))
            .JsonAsync(HttpStatusCode.Created);
        await (await owner.Http.PutJsonAsync("/v1/templates/t-owned", Bodies.Template("Owned")))
            .JsonAsync(HttpStatusCode.Created);
        await (await owner.Http.PutJsonAsync("/v1/workflows/w-owned", Bodies.Workflow("Owned", templateId: "t-owned")))
            .JsonAsync(HttpStatusCode.Created);
    }

    private static async Task<string> SnapshotAsync(TenantClient owner)
    {
        var tenant = await (await owner.Http.GetAsync("/v1/tenant")).Content.ReadAsStringAsync();
        var customer = await (await owner.Http.GetAsync("/v1/customers/c-owned")).Content.ReadAsStringAsync();
        var invoice = await (await owner.Http.GetAsync("/v1/customers/c-owned/invoices/i-owned")).Content.ReadAsStringAsync();
        var templates = await (await owner.Http.GetAsync("/v1/templates")).Content.ReadAsStringAsync();
        var template = await (await owner.Http.GetAsync("/v1/templates/t-owned")).Content.ReadAsStringAsync();
        var workflows = await (await owner.Http.GetAsync("/v1/workflows")).Content.ReadAsStringAsync();
        var keys = await (await owner.Http.GetAsync("/v1/tenant/api-keys")).Content.ReadAsStringAsync();
        return string.Join("\n", tenant, customer, invoice, templates, template, workflows, keys);
    }

    /// <summary>The status and body of an answer, without what differs per request or per tenant.</summary>
    private static async Task<string> Describe(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0 || response.StatusCode == HttpStatusCode.OK && !text.Contains("\"items\"", StringComparison.Ordinal))
        {
            return $"{(int)response.StatusCode}";
        }

        using var json = JsonDocument.Parse(text);
        var fields = json.RootElement.EnumerateObject()
            .Where(p => p.Name is not ("traceId" or "createdAt" or "updatedAt" or "id" or "apiKey"))
            .Select(p => $"{p.Name}={p.Value}");
        return $"{(int)response.StatusCode} {string.Join(";", fields)}";
    }
}
