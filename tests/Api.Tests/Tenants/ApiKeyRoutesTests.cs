using System.Net;
using System.Net.Http.Headers;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Tenants;

[Collection(ApiCollection.Name)]
public sealed class ApiKeyRoutesTests(ApiFixture api)
{
    [Fact]
    public async Task AddedKey_IsShownOnce_AndWorks()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.PostAsync("/v1/tenant/api-keys", null);
        var created = await response.JsonAsync(HttpStatusCode.Created);
        using var second = api.Host.CreateClient(created.Text("apiKey"));
        var list = await (await tenant.Http.GetAsync("/v1/tenant/api-keys")).JsonAsync(HttpStatusCode.OK);

        Assert.StartsWith($"mimo_{tenant.Id}_{created.Text("id")}_", created.Text("apiKey"));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/v1/tenant")).StatusCode);
        var ids = list.GetProperty("items").EnumerateArray().Select(k => k.Text("id")).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Contains(created.Text("id"), ids);
        Assert.DoesNotContain("apiKey", list.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedKey_StopsWorkingAtOnce()
    {
        var tenant = await api.NewTenantAsync();
        var created = await (await tenant.Http.PostAsync("/v1/tenant/api-keys", null)).JsonAsync(HttpStatusCode.Created);
        using var second = api.Host.CreateClient(created.Text("apiKey"));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/v1/tenant")).StatusCode);

        var revoked = await tenant.Http.DeleteAsync($"/v1/tenant/api-keys/{created.Text("id")}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await (await second.GetAsync("/v1/tenant")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await tenant.Http.GetAsync("/v1/tenant")).StatusCode);
    }

    [Fact]
    public async Task TheLastKey_CannotBeRevoked()
    {
        var tenant = await api.NewTenantAsync();
        var keyId = tenant.Key.Split('_')[2];

        var response = await tenant.Http.DeleteAsync($"/v1/tenant/api-keys/{keyId}");

        await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await tenant.Http.GetAsync("/v1/tenant")).StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsKeyId_AnswersLikeAnUnknownOne_AndStaysValid()
    {
        var owner = await api.NewTenantAsync();
        var intruder = await api.NewTenantAsync();
        await intruder.Http.PostAsync("/v1/tenant/api-keys", null);
        var ownerKeyId = owner.Key.Split('_')[2];

        var foreign = await intruder.Http.DeleteAsync($"/v1/tenant/api-keys/{ownerKeyId}");
        var unknown = await intruder.Http.DeleteAsync("/v1/tenant/api-keys/knothing");

        var foreignProblem = await foreign.ProblemAsync(HttpStatusCode.NotFound);
        var unknownProblem = await unknown.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(unknownProblem.Text("title"), foreignProblem.Text("title"));
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync("/v1/tenant")).StatusCode);
    }

    [Fact]
    public async Task TheOperatorKey_ManagesNoTenantKeys()
    {
        var response = await api.Operator.PostAsync("/v1/tenant/api-keys", null);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }
}
