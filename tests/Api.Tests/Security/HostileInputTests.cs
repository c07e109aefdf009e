using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Security;

/// <summary>
/// Hostile input on every operation of the OpenAPI document the API serves: no request gets a 5xx,
/// bad input gets a 4xx ProblemDetails and changes nothing, and odd input that is accepted is kept
/// exactly as sent. Each failure names the operation, the case and the answer.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HostileInputTests(ApiFixture api)
{
    [Fact]
    public async Task BrokenBodiesAndWrongValues_AreRefusedWithProblemDetails_AndChangeNothing()
    {
        var world = await HostileWorld.SeedAsync(api);
        var cases = new HostileCases(await ApiDocument.LoadAsync(api.Anonymous), world.Ids).RefusedBodies().ToList();
        var before = await world.SnapshotAsync();

        var failures = await new HostileRunner(world.Tenant.Http, api.Operator).RunAsync(cases);

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases:\n{string.Join('\n', failures)}");
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Fact]
    public async Task HostilePathsQueriesAndHeaders_AreNever5xx_AndChangeNothing()
    {
        var world = await HostileWorld.SeedAsync(api);
        var cases = new HostileCases(await ApiDocument.LoadAsync(api.Anonymous), world.Ids).Parameters().ToList();
        var before = await world.SnapshotAsync();

        var failures = await new HostileRunner(world.Tenant.Http, api.Operator).RunAsync(cases);

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases:\n{string.Join('\n', failures)}");
        Assert.Equal(before, await world.SnapshotAsync());
    }

    [Fact]
    public async Task OddValues_AreNever5xx_AndWhatIsAcceptedReadsBackAsSent()
    {
        var world = await HostileWorld.SeedAsync(api);
        var cases = new HostileCases(await ApiDocument.LoadAsync(api.Anonymous), world.Ids).ToleratedBodies().ToList();

        var failures = await new HostileRunner(world.Tenant.Http, api.Operator).RunAsync(cases);

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public async Task EveryOperationWithABodyOrParameters_GetsHostileCases()
    {
        var document = await ApiDocument.LoadAsync(api.Anonymous);
        var ids = new RouteIds("c-1", "i-1", "t-1", "w-1", "k-1");
        var generated = new HostileCases(document, ids);

        var covered = generated.RefusedBodies().Concat(generated.Parameters()).Select(c => c.Operation).ToHashSet();

        var needed = document.Operations
            .Where(o => o.BodyContentType is not null || o.PathParameters.Count > 0 || o.Method == HttpMethod.Get)
            .Select(o => o.Key);
        Assert.Empty(needed.Except(covered));
    }
}
