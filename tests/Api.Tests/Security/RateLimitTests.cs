using System.Net;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Security;

/// <summary>Per-tenant request limits, on an API of their own with a small limit.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(new Dictionary<string, string?>
    {
        ["RateLimit:RequestsPerSecond"] = "1",
        ["RateLimit:Burst"] = "10",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ATenantOverItsLimit_Gets429WithRetryAfter_AndOtherTenantsAreNotSlowed()
    {
        var flooding = await _host.NewTenantAsync();
        var quiet = await _host.NewTenantAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => flooding.Http.GetAsync("/v1/tenant")));
        var other = await quiet.Http.GetAsync("/v1/tenant");

        var rejected = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(rejected);
        Assert.Equal(answers.Length, rejected.Count + answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(rejected, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        var problem = await rejected[0].ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests.", problem.Text("title"));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task RequestsWithoutATenantKey_AreNotLimitedHere()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => _host.CreateClient().GetAsync("/health/live")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
    }
}
