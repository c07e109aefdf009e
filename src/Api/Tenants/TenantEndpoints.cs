using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Mimo.Api.Auth;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Api.Tenants;

/// <summary><c>POST /v1/tenants</c> (operator key) and <c>GET/PATCH /v1/tenant</c> (tenant key).</summary>
public static class TenantEndpoints
{
    public static IEndpointRouteBuilder MapTenantEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/tenants", CreateAsync)
            .RequireAuthorization(ApiPolicies.Operator)
            .WithTags("Tenants")
            .WithSummary("Create a tenant and its first API key (operator key)")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var tenant = routes.MapGroup("/v1/tenant").RequireAuthorization(ApiPolicies.Tenant).WithTags("Tenants");
        tenant.MapGet("", GetAsync).WithSummary("The calling tenant's settings");
        tenant.MapPatch("", UpdateAsync)
            .WithSummary("Change some of the calling tenant's settings")
            .Accepts<TenantPatchRequest>("application/json");
        return routes;
    }

    private static async Task<Results<Created<CreatedTenantResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTenantRequest request,
        IGrainFactory grains,
        TimeProvider clock)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var tenantId = ApiKeys.NewTenantId();
        var key = ApiKeys.Issue(tenantId, clock.GetUtcNow());
        var result = await grains.GetGrain<ITenantGrain>(tenantId).CreateAsync(request.ToNewTenant(), key.Stored);
        if (!result.Succeeded)
        {
            return GrainOutcome.Conflict(result.Error ?? "The tenant could not be created.");
        }

        return TypedResults.Created("/v1/tenant", new CreatedTenantResponse(tenantId, result.Value!.Name, key.Key));
    }

    private static async Task<Results<Ok<TenantResponse>, ProblemHttpResult>> GetAsync(
        TenantCaller caller,
        IGrainFactory grains)
    {
        var settings = await grains.GetGrain<ITenantGrain>(caller.TenantId).GetSettingsAsync();
        return settings is null
            ? GrainOutcome.NotFound("There is no such tenant.")
            : TypedResults.Ok(TenantResponse.From(settings));
    }

    private static async Task<Results<Ok<TenantResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        TenantCaller caller,
        JsonElement body,
        IGrainFactory grains,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return GrainOutcome.Invalid("$", "The body must be a JSON object.");
        }

        TenantPatchRequest request;
        try
        {
            request = body.Deserialize<TenantPatchRequest>(json.Value.SerializerOptions)!;
        }
        catch (JsonException exception)
        {
            var (field, message) = JsonErrors.Describe(exception, typeof(TenantPatchRequest));
            return GrainOutcome.Invalid(field, message);
        }

        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var clearReplyTo = body.TryGetProperty("replyTo", out var replyTo) && replyTo.ValueKind == JsonValueKind.Null;
        var result = await grains.GetGrain<ITenantGrain>(caller.TenantId).UpdateSettingsAsync(request.ToPatch(clearReplyTo));
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(TenantResponse.From(result.Value!)),
            ResultStatus.Invalid => GrainOutcome.Invalid(result.Field ?? "$", result.Error ?? "The value is not valid."),
            _ => GrainOutcome.NotFound(result.Error ?? "There is no such tenant."),
        };
    }
}
