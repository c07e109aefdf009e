using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Mimo.Api.Dashboard;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Api.Tests.Security;
using Mimo.Testing;

namespace Mimo.Api.Tests.Dashboard;

/// <summary>
/// The Orleans dashboard under /dashboard, in the embedded role: the operator's, by session cookie or
/// by the operator key.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DashboardTests(ApiFixture api)
{
    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/DashboardCounters")]
    [InlineData("/dashboard/ClusterStats")]
    public async Task Dashboard_WithoutAKeyOrSession_Is401(string path)
    {
        var response = await api.Anonymous.GetAsync(path);

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("/dashboard/login", problem.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Dashboard_WithATenantKey_Is403()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.GetAsync("/dashboard/DashboardCounters");

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Dashboard_WithAWrongKey_Is401()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.OperatorKey + "x");

        var response = await api.Anonymous.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_WithTheOperatorKey_SetsAStrictHttpOnlyCookieForTheDashboardOnly()
    {
        var response = await api.Operator.PostAsync("/v1/operator/dashboard-session", null);

        var body = await response.JsonAsync(HttpStatusCode.OK);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        var attributes = Attributes(cookie);
        Assert.StartsWith(DashboardSession.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/dashboard", attributes);
        Assert.Contains("max-age=1800", attributes);
        Assert.DoesNotContain("secure", attributes);
        var expiresAt = DateTimeOffset.Parse(body.Text("expiresAt"), CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task Session_WithATenantKey_Is403()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.PostAsync("/v1/operator/dashboard-session", null);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Dashboard_WithTheSession_Is200_AndShowsTheCluster()
    {
        var session = await SessionAsync();

        var page = await GetAsync("/dashboard/", session);
        // The dashboard gathers the silos' statistics in the background, the first time a moment
        // after start-up.
        var counters = await Poll.UntilAsync(
            async () => await (await GetAsync("/dashboard/DashboardCounters", session)).JsonAsync(HttpStatusCode.OK),
            c => c.GetProperty("hosts").GetArrayLength() > 0,
            TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, counters.GetProperty("hosts").GetArrayLength());
    }

    [Fact]
    public async Task Dashboard_ThroughAProxyThatAddsTheOperatorKey_Is200()
    {
        var response = await api.Operator.GetAsync("/dashboard/DashboardCounters");

        await response.JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Dashboard_WithAForgedSession_Is401()
    {
        var session = await SessionAsync();
        var forged = session[..^2] + (session.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA");

        var response = await GetAsync("/dashboard/", forged);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheSession_OpensNoOtherOperatorRoute()
    {
        var session = await SessionAsync();
        var request = RouteCatalogue.CreateTenant.Request("c-1", "i-1");
        request.Headers.Add("Cookie", $"{DashboardSession.CookieName}={session}");

        var response = await api.Anonymous.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/dashboard/GrainState?grainId={0}&grainType=Mimo.Grains.Tenants.TenantGrain")]
    [InlineData("/dashboard/grainstate/?grainId={0}&grainType=Mimo.Grains.Tenants.TenantGrain")]
    [InlineData("/dashboard/Reminders")]
    [InlineData("/dashboard/Reminders/1")]
    [InlineData("/dashboard/reminders/2/")]
    public async Task SingleGrains_AreRefused_EvenToTheOperator(string path)
    {
        var tenant = await api.NewTenantAsync();
        var session = await SessionAsync();

        var response = await GetAsync(string.Format(CultureInfo.InvariantCulture, path, tenant.Id), session);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/index.html")]
    public async Task ABrowserWithoutASession_IsSentToTheLoginPage(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = api.Host.Address,
        };

        var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Session_BehindAProxyThatEndsTls_IsASecureCookie()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/operator/dashboard-session");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await api.Operator.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attributes = Attributes(Assert.Single(response.Headers.GetValues("Set-Cookie")));
        Assert.Contains("secure", attributes);
    }

    [Fact]
    public async Task LiveLogStream_IsOff()
    {
        var response = await api.Operator.GetAsync("/dashboard/Trace");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LoginPage_RunsOnlyItsOwnScript_AndNeverPutsTheKeyInAUrl()
    {
        var response = await api.Anonymous.GetAsync("/dashboard/login");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var input = Assert.Single(Regex.Matches(page, "<input[^>]*>")).Value;
        Assert.Contains("type=\"password\"", input, StringComparison.Ordinal);
        Assert.DoesNotContain("name=", input, StringComparison.Ordinal);
        Assert.DoesNotContain("<form id=\"login\" action", page, StringComparison.Ordinal);
        Assert.Contains("Authorization: 'Bearer ' + key.value", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheSessionRoute_ButNotTheDashboard()
    {
        var document = await (await api.Anonymous.GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/v1/operator/dashboard-session", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/dashboard", StringComparison.Ordinal));
    }

    private async Task<string> SessionAsync()
    {
        var response = await api.Operator.PostAsync("/v1/operator/dashboard-session", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        return cookie.Split(';')[0][(DashboardSession.CookieName.Length + 1)..];
    }

    private static List<string> Attributes(string setCookie) =>
        setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();

    private Task<HttpResponseMessage> GetAsync(string path, string session)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{DashboardSession.CookieName}={session}");
        return api.Anonymous.SendAsync(request);
    }
}
