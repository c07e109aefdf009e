using Microsoft.Extensions.DependencyInjection.Extensions;
using Mimo.Api.Auth;
using Mimo.Api.Customers;
using Mimo.Api.Dashboard;
using Mimo.Api.Health;
using Mimo.Api.Hosting;
using Mimo.Api.Http;
using Mimo.Api.Import;
using Mimo.Api.Invoices;
using Mimo.Api.Reminders;
using Mimo.Api.Templates;
using Mimo.Api.Tenants;
using Mimo.Api.Workflows;
using Mimo.Silo.Hosting;
using Scalar.AspNetCore;

namespace Mimo.Api;

/// <summary>Builds the API application; tests build it the same way with their own configuration.</summary>
public static class MimoApi
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddLoggingDefaults();
        configure?.Invoke(builder);
        builder.AddMimoTelemetry(MimoTelemetry.ApiServiceName);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxJsonBodyBytes);
        builder.AddMimoCluster();
        AddServices(builder.Services, builder.Configuration);

        var app = builder.Build();
        UseMiddleware(app);
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = RequestLimits.DescribeTooLarge);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddMimoAuth(configuration);
        services.AddMimoDashboard(configuration);
        services.AddTenantRateLimits(configuration);
        services.AddMimoHealthChecks(configuration);
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<ManualBatchSender>();
        services.AddOpenApi(options => options
            .AddDocumentTransformer<BearerKeyDocumentTransformer>()
            .AddSchemaTransformer<InstantSchemaTransformer>());
    }

    private static void UseMiddleware(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/reference", options => options.WithTitle("Mimo Reminders API"));
        app.MapHealthEndpoints();
        app.MapTenantEndpoints();
        app.MapApiKeyEndpoints();
        app.MapCustomerEndpoints();
        app.MapInvoiceEndpoints();
        app.MapReminderEndpoints();
        app.MapManualReminderEndpoints();
        app.MapPayScoreEndpoints();
        app.MapTemplateEndpoints();
        app.MapWorkflowEndpoints();
        app.MapImportEndpoints();
        app.MapDashboardEndpoints(app.Configuration);
    }
}
