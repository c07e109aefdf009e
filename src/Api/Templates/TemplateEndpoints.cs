using Microsoft.AspNetCore.Http.HttpResults;
using Mimo.Api.Auth;
using Mimo.Api.Customers;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Api.Templates;

/// <summary><c>/v1/templates</c>: the tenant's Liquid message templates.</summary>
public static class TemplateEndpoints
{
    public const string IdPrefix = "tpl_";

    public static IEndpointRouteBuilder MapTemplateEndpoints(this IEndpointRouteBuilder routes)
    {
        var templates = routes.MapGroup("/v1/templates")
            .RequireAuthorization(ApiPolicies.Tenant)
            .WithTags("Templates");
        templates.MapPost("", CreateAsync)
            .WithSummary("Create a template; without an id the server makes one")
            .ProducesProblem(StatusCodes.Status409Conflict);
        templates.MapGet("", ListAsync).WithSummary("The tenant's templates in id order, without their bodies");
        templates.MapGet("/{templateId}", GetAsync)
            .WithSummary("A template with its subject and bodies")
            .ProducesProblem(StatusCodes.Status404NotFound);
        templates.MapPut("/{templateId}", UpsertAsync).WithSummary("Create or replace a template");
        templates.MapDelete("/{templateId}", DeleteAsync)
            .WithSummary("Delete a template that no workflow uses")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Created<TemplateResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TenantCaller caller,
        TemplateRequest request,
        IGrainFactory grains)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var templateId = request.Id ?? ServerIds.New(IdPrefix);
        var result = await Tenant(grains, caller).SaveTemplateAsync(templateId, request.ToContent(), mustBeNew: true);
        return GrainOutcome.ToCreated(result, TemplateResponse.From, Location(templateId));
    }

    private static async Task<Ok<PageResponse<TemplateSummary>>> ListAsync(TenantCaller caller, IGrainFactory grains)
    {
        // A tenant has few templates: one page holds them all.
        var templates = await Tenant(grains, caller).ListTemplatesAsync();
        return TypedResults.Ok(new PageResponse<TemplateSummary>(templates, null));
    }

    private static async Task<Results<Ok<TemplateResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        TenantCaller caller,
        string templateId,
        IGrainFactory grains)
    {
        if (!Fields.IsId(templateId))
        {
            return CustomerEndpoints.InvalidId(templateId, "templateId");
        }

        var key = TemplateKey.Format(caller.TenantId, templateId);
        var template = await grains.GetGrain<ITemplateGrain>(key).GetAsync();
        return template is null ? NoSuchTemplate() : TypedResults.Ok(TemplateResponse.From(template));
    }

    private static async Task<Results<Ok<TemplateResponse>, Created<TemplateResponse>, ValidationProblem, ProblemHttpResult>>
        UpsertAsync(TenantCaller caller, string templateId, TemplateRequest request, IGrainFactory grains)
    {
        var errors = request.Validate();
        if (!Fields.IsId(templateId))
        {
            Fields.Id(errors, "templateId", templateId);
        }

        Fields.SameId(errors, request.Id, templateId);
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var result = await Tenant(grains, caller).SaveTemplateAsync(templateId, request.ToContent(), mustBeNew: false);
        return GrainOutcome.ToHttp(result, TemplateResponse.From, Location(templateId));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        TenantCaller caller,
        string templateId,
        IGrainFactory grains)
    {
        if (!Fields.IsId(templateId))
        {
            return CustomerEndpoints.InvalidId(templateId, "templateId");
        }

        return GrainOutcome.ToDeleted(await Tenant(grains, caller).DeleteTemplateAsync(templateId));
    }

    private static ITenantGrain Tenant(IGrainFactory grains, TenantCaller caller) =>
        grains.GetGrain<ITenantGrain>(caller.TenantId);

    private static ProblemHttpResult NoSuchTemplate() => GrainOutcome.NotFound("There is no such template.");

    private static string Location(string templateId) => $"/v1/templates/{templateId}";
}
