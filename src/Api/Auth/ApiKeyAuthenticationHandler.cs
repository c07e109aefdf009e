using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Api.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c>: the operator key, or a tenant key whose
/// hash the tenant grain confirms. Keys are not cached, so a revoked key stops working at once.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    OperatorKey operatorKey,
    IGrainFactory grains,
    IProblemDetailsService problemDetails) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadBearer(out var presented))
        {
            return AuthenticateResult.NoResult();
        }

        if (operatorKey.Matches(presented))
        {
            return Success(new Claim(ClaimTypes.Role, ApiRoles.Operator));
        }

        if (ApiKeys.TryParse(presented, out var tenantId, out var keyId, out var secret)
            && await grains.GetGrain<ITenantGrain>(tenantId).IsKeyValidAsync(keyId, ApiKeys.Hash(secret)))
        {
            return Success(new Claim(ClaimTypes.Role, ApiRoles.Tenant), new Claim(ApiClaims.TenantId, tenantId));
        }

        return AuthenticateResult.Fail("The API key is not valid.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var missing = !Request.Headers.Authorization.Any();
        return WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            "Unauthorized",
            missing
                ? "Send an API key as 'Authorization: Bearer <key>'."
                : "The API key is missing, malformed or not valid.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(
            StatusCodes.Status403Forbidden,
            "Forbidden",
            "This key may not use this route: the operator key only creates tenants and opens the dashboard, "
                + "and tenant keys can do neither.");

    private bool TryReadBearer(out string key)
    {
        key = "";
        var header = Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        key = header[bearer.Length..].Trim();
        return key.Length > 0;
    }

    private AuthenticateResult Success(params Claim[] claims)
    {
        var identity = new ClaimsIdentity(claims, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
