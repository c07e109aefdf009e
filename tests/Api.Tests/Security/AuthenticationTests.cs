using System.Net;
using System.Net.Http.Headers;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public sealed class AuthenticationTests(ApiFixture api)
{
    [Theory]
    [MemberData(nameof(RouteCatalogue.AllRoutes), MemberType = typeof(RouteCatalogue))]
    public async Task EveryRoute_WithoutAKey_Is401(string route)
    {
        var response = await api.Anonymous.SendAsync(RouteCatalogue.Find(route).Request("c-1", "i-1"));

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [MemberData(nameof(RouteCatalogue.AllRoutes), MemberType = typeof(RouteCatalogue))]
    public async Task EveryRoute_WithAWrongKey_Is401(string route)
    {
        var tenant = await api.NewTenantAsync();
        var wrongSecret = tenant.Key[..^4] + (tenant.Key.EndsWith("aaaa", StringComparison.Ordinal) ? "bbbb" : "aaaa");
        var keys = new[]
        {
            wrongSecret,
            "mimo_tnnosuchtenant000000_knosuchkey0_abcdefabcdefabcdefabcdefabcdefab",
            "not-a-key",
            ApiHost.OperatorKey + "x",
        };

        foreach (var key in keys)
        {
            var request = RouteCatalogue.Find(route).Request("c-1", "i-1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);

            var response = await api.Anonymous.SendAsync(request);

            await response.ProblemAsync(HttpStatusCode.Unauthorized);
        }
    }

    [Theory]
    [MemberData(nameof(RouteCatalogue.TenantRouteNames), MemberType = typeof(RouteCatalogue))]
    public async Task TenantRoutes_WithTheOperatorKey_Are403(string route)
    {
        var response = await api.Operator.SendAsync(RouteCatalogue.Find(route).Request("c-1", "i-1"));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(RouteCatalogue.OperatorRouteNames), MemberType = typeof(RouteCatalogue))]
    public async Task OperatorRoutes_WithATenantKey_Are403(string route)
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.SendAsync(RouteCatalogue.Find(route).Request("c-1", "i-1"));

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AuthorizationScheme_OtherThanBearer_Is401()
    {
        var tenant = await api.NewTenantAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/tenant");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", tenant.Key);

        var response = await api.Anonymous.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
