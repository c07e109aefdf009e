using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Mimo.Api.Auth;

internal static partial class AuthSetup
{
    public static IServiceCollection AddMimoAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OperatorOptions>()
            .Bind(configuration.GetSection(OperatorOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => OperatorKey.FromOptions(sp.GetRequiredService<IOptions<OperatorOptions>>().Value));
        services.AddHostedService<OperatorKeyAnnouncement>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName,
                null)
            .AddScheme<AuthenticationSchemeOptions, DashboardSessionHandler>(DashboardSessionHandler.SchemeName, null)
            .AddPolicyScheme(
                DashboardSessionHandler.CookieOrKeyScheme,
                null,
                options => options.ForwardDefaultSelector = DashboardSessionHandler.SelectScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Operator, policy => policy.RequireRole(ApiRoles.Operator))
            .AddPolicy(ApiPolicies.Dashboard, policy => policy
                .AddAuthenticationSchemes(DashboardSessionHandler.CookieOrKeyScheme)
                .RequireRole(ApiRoles.Operator))
            .AddPolicy(ApiPolicies.Tenant, policy => policy.RequireRole(ApiRoles.Tenant).RequireClaim(ApiClaims.TenantId));
        return services;
    }
}

/// <summary>Prints a generated operator key once, at start-up, so that the operator can create tenants.</summary>
internal sealed partial class OperatorKeyAnnouncement(OperatorKey key, ILogger<OperatorKeyAnnouncement> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (key.GeneratedKey is { } generated)
        {
            LogGenerated(logger, generated);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "No Operator:ApiKey is configured. The operator key of this process is {OperatorKey} ; " +
            "it changes on every start. Set Operator__ApiKey to keep one.")]
    private static partial void LogGenerated(ILogger logger, string operatorKey);
}
