using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Mimo.Silo.Hosting;

namespace Mimo.Api.Health;

/// <summary>The state of one check in a health answer.</summary>
public sealed record HealthCheckReport(string Status, string? Description);

/// <summary>A health answer: the overall status and each check's.</summary>
public sealed record HealthReportResponse(string Status, IReadOnlyDictionary<string, HealthCheckReport> Checks);

/// <summary><c>/health/live</c> (the process serves HTTP) and <c>/health/ready</c> (cluster and database).</summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddMimoHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConfigurationNames.PostgresConnectionString);
        services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag])
            .Add(new HealthCheckRegistration(
                "database",
                _ => new DatabaseHealthCheck(string.IsNullOrWhiteSpace(connectionString) ? null : connectionString),
                HealthStatus.Unhealthy,
                [ReadyTag]));
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        var health = routes.MapGroup("/health").WithTags("Operations");
        health.MapGet("/live", () => TypedResults.Ok(new HealthReportResponse("Healthy", new Dictionary<string, HealthCheckReport>())))
            .WithSummary("200 while the process serves HTTP");
        health.MapGet("/ready", ReadyAsync)
            .WithSummary("200 when the cluster and the database are reachable, else 503");
        return routes;
    }

    private static async Task<Results<Ok<HealthReportResponse>, JsonHttpResult<HealthReportResponse>>> ReadyAsync(
        HealthCheckService checks,
        CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        var response = new HealthReportResponse(
            report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckReport(e.Value.Status.ToString(), e.Value.Description)));
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(response)
            : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
