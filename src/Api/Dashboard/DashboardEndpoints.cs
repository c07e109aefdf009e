using Microsoft.AspNetCore.Http.HttpResults;
using Mimo.Api.Auth;
using Mimo.Silo.Hosting;
using Orleans.Dashboard;

namespace Mimo.Api.Dashboard;

/// <summary>When a dashboard session ends.</summary>
public sealed record DashboardSessionResponse(DateTimeOffset ExpiresAt);

/// <summary>
/// The Orleans dashboard under <c>/dashboard</c>, for the operator only: by a session cookie from
/// <c>POST /v1/operator/dashboard-session</c> (which <c>/dashboard/login</c> asks for in a browser),
/// or by the operator key in an <c>Authorization</c> header.
/// </summary>
public static class DashboardEndpoints
{
    // The dashboard's routes that show single grains: their state and reminders name tenants'
    // customers and hold their data, which the operator key never reads.
    private static readonly string[] TenantDataRoutes = ["/GrainState", "/Reminders", "/Reminders/{page:int}"];

    public static IServiceCollection AddMimoDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardSettings>()
            .Bind(configuration.GetSection(DashboardSettings.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DashboardSession>();
        return services;
    }

    public static IEndpointRouteBuilder MapDashboardEndpoints(
        this IEndpointRouteBuilder routes,
        IConfiguration configuration)
    {
        if (!DashboardSettings.Read(configuration).Enabled)
        {
            return routes;
        }

        routes.MapPost("/v1/operator/dashboard-session", StartSession)
            .RequireAuthorization(ApiPolicies.Operator)
            .WithTags("Operations")
            .WithSummary("Start a dashboard session: a cookie that opens /dashboard for a while (operator key)");
        routes.MapGet($"{DashboardSettings.Path}/login", DashboardLoginPage.Serve).ExcludeFromDescription();
        routes.MapOrleansDashboard(DashboardSettings.Path)
            .RequireAuthorization(ApiPolicies.Dashboard)
            .ExcludeFromDescription()
            .AddEndpointFilter(RefuseTenantData);
        return routes;
    }

    private static Ok<DashboardSessionResponse> StartSession(HttpContext context, DashboardSession sessions)
    {
        var (value, expiresAt) = sessions.Issue();
        context.Response.Cookies.Append(DashboardSession.CookieName, value, new CookieOptions
        {
            Path = DashboardSettings.Path,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = IsHttps(context.Request),
            MaxAge = sessions.Lifetime,
            IsEssential = true,
        });
        return TypedResults.Ok(new DashboardSessionResponse(expiresAt));
    }

    // Behind a proxy that ends TLS the request arrives as http; the proxy's word is taken for the
    // Secure flag only, where a false "https" can make the cookie stricter but never weaker.
    private static bool IsHttps(HttpRequest request) =>
        request.IsHttps
        || string.Equals(request.Headers["X-Forwarded-Proto"], "https", StringComparison.OrdinalIgnoreCase);

    // Decided on the matched route rather than the path, which a trailing slash or casing would vary.
    private static async ValueTask<object?> RefuseTenantData(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next)
    {
        var pattern = (context.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "";
        return TenantDataRoutes.Any(route => pattern.EndsWith(route, StringComparison.OrdinalIgnoreCase))
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: "The dashboard does not show single grains' state or reminders: they are tenants' data.")
            : await next(context);
    }
}
