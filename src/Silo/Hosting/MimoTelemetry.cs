using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mimo.Grains.Telemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;

namespace Mimo.Silo.Hosting;

/// <summary>
/// OpenTelemetry for one Mimo process, silo or API; an API that hosts a silo is wired once. Metrics:
/// the meters <c>Mimo</c> and <c>Microsoft.Orleans</c>, ASP.NET Core, HttpClient, the .NET runtime
/// and Npgsql. Traces: ASP.NET Core, HttpClient, Orleans' activity sources, Npgsql and <c>Mimo</c>.
/// </summary>
/// <remarks>
/// Nothing leaves the process unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set: then metrics,
/// traces and logs are exported over OTLP, configured by the standard <c>OTEL_*</c> variables.
/// The service is named <c>mimo-api</c> or <c>mimo-silo</c> unless <c>OTEL_SERVICE_NAME</c> (or
/// <c>service.name</c> in <c>OTEL_RESOURCE_ATTRIBUTES</c>) says otherwise.
/// </remarks>
public static class MimoTelemetry
{
    public const string ApiServiceName = "mimo-api";
    public const string SiloServiceName = "mimo-silo";

    /// <summary>The meter of Orleans' runtime metrics (grain calls, activations, messaging, reminders).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>
    /// Orleans' grain calls, activations and storage. Its runtime source is left out: it traces the
    /// silos' own background calls (the dashboard's statistics, membership, reminder table), several
    /// new traces a second per silo; a reminder tick has a <c>Mimo</c> span instead.
    /// </summary>
    private static readonly string[] OrleansActivitySources =
    [
        ActivitySources.ApplicationGrainActivitySourceName,
        ActivitySources.LifecycleActivitySourceName,
        ActivitySources.StorageActivitySourceName,
    ];

    /// <summary>The standard variable whose presence turns the OTLP exporter on.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static OpenTelemetryBuilder AddMimoTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(serviceName)
                // Added again after the default name, so that the standard variables win over it.
                .AddEnvironmentVariableDetector())
            .WithMetrics(metrics => metrics
                .AddMeter(MimoMetrics.MeterName, OrleansMeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation())
            .WithTracing(tracing => tracing
                .AddSource(MimoActivities.SourceName)
                .AddSource(OrleansActivitySources)
                .AddAspNetCoreInstrumentation(options => options.Filter = IsTraced)
                .AddHttpClientInstrumentation()
                .AddNpgsql());
        if (ExportsOtlp(builder.Configuration))
        {
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }

    /// <summary>True when an OTLP endpoint is configured; without one nothing is exported.</summary>
    public static bool ExportsOtlp(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        return !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
    }

    // Probes and the dashboard's polling would bury the requests worth tracing; their HTTP metrics remain.
    private static bool IsTraced(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments(DashboardSettings.Path, StringComparison.OrdinalIgnoreCase);
}
