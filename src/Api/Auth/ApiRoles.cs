using System.Security.Claims;

namespace Mimo.Api.Auth;

/// <summary>Who is calling: the operator, or one tenant.</summary>
public static class ApiRoles
{
    public const string Operator = "operator";
    public const string Tenant = "tenant";
}

public static class ApiClaims
{
    public const string TenantId = "mimo:tenant";
}

/// <summary>Authorization policies by caller kind.</summary>
public static class ApiPolicies
{
    public const string Operator = "operator";
    public const string Tenant = "tenant";

    /// <summary>The operator by API key or by dashboard session cookie: the Orleans dashboard only.</summary>
    public const string Dashboard = "dashboard";
}

/// <summary>
/// The tenant a request acts for, bound from the authenticated key: handlers take it as a
/// parameter, so no handler can forget to scope its data to the caller.
/// </summary>
public sealed record TenantCaller(string TenantId)
{
    public static ValueTask<TenantCaller?> BindAsync(HttpContext context)
    {
        var tenantId = context.User.FindFirstValue(ApiClaims.TenantId)
            ?? throw new InvalidOperationException("A tenant route ran without a tenant key: check its policy.");
        return ValueTask.FromResult<TenantCaller?>(new TenantCaller(tenantId));
    }
}
