using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Mimo.Api.Dashboard;
using Mimo.Silo.Hosting;

namespace Mimo.Api.Auth;

/// <summary>
/// Authenticates the operator by the dashboard session cookie that
/// <c>POST /v1/operator/dashboard-session</c> sets, since a browser cannot send a Bearer header.
/// </summary>
internal sealed class DashboardSessionHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    DashboardSession sessions,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "DashboardSession";

    /// <summary>
    /// The scheme of the dashboard's policy: a request with an <c>Authorization</c> header is the
    /// API key scheme's (a proxy that adds the operator key), any other the session cookie's.
    /// </summary>
    public const string CookieOrKeyScheme = "DashboardCookieOrKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(DashboardSession.CookieName, out var value))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!sessions.IsValid(value))
        {
            return Task.FromResult(AuthenticateResult.Fail("The dashboard session is not valid or has expired."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, ApiRoles.Operator)], SchemeName);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    /// <summary>
    /// A browser opening a dashboard page is sent to the login page; the dashboard's own calls and
    /// other clients get a 401 that says where to log in.
    /// </summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (IsPageNavigation(Request))
        {
            Response.Redirect($"{Request.PathBase}{DashboardSettings.Path}/login");
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = $"The dashboard is the operator's: open {DashboardSettings.Path}/login and enter the "
                    + "operator key, or send it as 'Authorization: Bearer <key>'.",
            },
        });
    }

    /// <summary>Chooses the scheme that authenticates a dashboard request.</summary>
    public static string SelectScheme(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0 ? ApiKeyAuthenticationHandler.SchemeName : SchemeName;

    private static bool IsPageNavigation(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.GetTypedHeaders().Accept
            .Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
