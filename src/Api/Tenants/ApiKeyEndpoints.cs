using Microsoft.AspNetCore.Http.HttpResults;
using Mimo.Api.Auth;
using Mimo.Api.Customers;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Api.Tenants;

/// <summary>A tenant API key as listed: its id and creation time.</summary>
public sealed record ApiKeyResponse(string Id, DateTimeOffset CreatedAt)
{
    public static ApiKeyResponse From(ApiKeyInfo key) => new(key.KeyId, key.CreatedAt);
}

/// <summary>A new tenant API key: <see cref="ApiKey"/> is shown this once and never again.</summary>
public sealed record CreatedApiKeyResponse(string Id, string ApiKey, DateTimeOffset CreatedAt);

/// <summary>
/// <c>/v1/tenant/api-keys</c>: a tenant adds keys (to rotate them or give each system its own),
/// lists them and revokes them. A revoked key stops working at once.
/// </summary>
public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        var keys = routes.MapGroup("/v1/tenant/api-keys").RequireAuthorization(ApiPolicies.Tenant).WithTags("Tenants");
        keys.MapPost("", CreateAsync).WithSummary("Add an API key; the key is shown once");
        keys.MapGet("", ListAsync).WithSummary("The tenant's API keys (ids and dates, never the keys)");
        keys.MapDelete("/{keyId}", RevokeAsync).WithSummary("Revoke an API key; it stops working at once");
        return routes;
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ProblemHttpResult>> CreateAsync(
        TenantCaller caller,
        IGrainFactory grains,
        TimeProvider clock)
    {
        var key = ApiKeys.Issue(caller.TenantId, clock.GetUtcNow());
        var result = await grains.GetGrain<ITenantGrain>(caller.TenantId).AddKeyAsync(key.Stored);
        return result.Succeeded
            ? TypedResults.Created($"/v1/tenant/api-keys/{key.Stored.KeyId}", new CreatedApiKeyResponse(key.Stored.KeyId, key.Key, key.Stored.CreatedAt))
            : GrainOutcome.Conflict(result.Error ?? "The key could not be added.");
    }

    private static async Task<Ok<PageResponse<ApiKeyResponse>>> ListAsync(TenantCaller caller, IGrainFactory grains)
    {
        var keys = await grains.GetGrain<ITenantGrain>(caller.TenantId).ListKeysAsync();
        return TypedResults.Ok(new PageResponse<ApiKeyResponse>(keys.Select(ApiKeyResponse.From).ToList(), null));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        TenantCaller caller,
        string keyId,
        IGrainFactory grains)
    {
        var result = await grains.GetGrain<ITenantGrain>(caller.TenantId).RevokeKeyAsync(keyId);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.NoContent(),
            ResultStatus.Conflict => GrainOutcome.Conflict(result.Error!),
            _ => GrainOutcome.NotFound(result.Error ?? "There is no such key."),
        };
    }
}
