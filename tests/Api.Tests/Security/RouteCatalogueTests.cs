using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Security;

/// <summary>
/// The security tests (authentication, tenant isolation, hostile input) cover the routes of the
/// <see cref="RouteCatalogue"/>: a route added to the API fails here until it is catalogued.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RouteCatalogueTests(ApiFixture api)
{
    /// <summary>Routes anyone may call: they read no tenant's data.</summary>
    private static readonly string[] PublicRoutes = ["GET /health/live", "GET /health/ready"];

    [Fact]
    public async Task EveryOperationOfTheOpenApiDocument_IsInTheCatalogue()
    {
        var document = await ApiDocument.LoadAsync(api.Anonymous);

        var missing = document.Operations.Select(o => o.Key).Except(Catalogued()).Except(PublicRoutes);

        Assert.Empty(missing);
    }

    [Fact]
    public async Task EveryCataloguedRoute_IsInTheOpenApiDocument()
    {
        var document = await ApiDocument.LoadAsync(api.Anonymous);

        // The Orleans dashboard's own pages are served by its package, outside the API document.
        var stale = Catalogued()
            .Where(route => !route.Contains(" /dashboard/", StringComparison.Ordinal))
            .Except(document.Operations.Select(o => o.Key));

        Assert.Empty(stale);
    }

    private static IEnumerable<string> Catalogued() =>
        RouteCatalogue.TenantRoutes.Concat(RouteCatalogue.OperatorRoutes).Select(r => $"{r.Method} {r.Path}");
}
