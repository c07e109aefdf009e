using Microsoft.AspNetCore.Http.HttpResults;
using Mimo.Api.Auth;
using Mimo.Api.Customers;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Api.Workflows;

/// <summary><c>/v1/workflows</c>: the tenant's reminder workflows. Every change re-plans its customers.</summary>
public static class WorkflowEndpoints
{
    public const string IdPrefix = "wf_";

    public static IEndpointRouteBuilder MapWorkflowEndpoints(this IEndpointRouteBuilder routes)
    {
        var workflows = routes.MapGroup("/v1/workflows")
            .RequireAuthorization(ApiPolicies.Tenant)
            .WithTags("Workflows");
        workflows.MapPost("", CreateAsync)
            .WithSummary("Create a workflow; without an id the server makes one")
            .ProducesProblem(StatusCodes.Status409Conflict);
        workflows.MapGet("", ListAsync).WithSummary("The tenant's workflows, highest priority first");
        workflows.MapGet("/{workflowId}", GetAsync)
            .WithSummary("A workflow")
            .ProducesProblem(StatusCodes.Status404NotFound);
        workflows.MapPut("/{workflowId}", UpsertAsync).WithSummary("Create or replace a workflow");
        workflows.MapDelete("/{workflowId}", DeleteAsync)
            .WithSummary("Delete a workflow; customers that named it follow the audience rules")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Created<WorkflowResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TenantCaller caller,
        WorkflowRequest request,
        IGrainFactory grains)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var workflowId = request.Id ?? ServerIds.New(IdPrefix);
        var tenant = Tenant(grains, caller);
        var result = await tenant.SaveWorkflowAsync(workflowId, request.ToDefinition(), mustBeNew: true);
        return GrainOutcome.ToCreated(result, WorkflowResponse.From, Location(workflowId));
    }

    private static async Task<Ok<PageResponse<WorkflowResponse>>> ListAsync(TenantCaller caller, IGrainFactory grains)
    {
        // A tenant has few workflows: one page holds them all.
        var workflows = await Tenant(grains, caller).ListWorkflowsAsync();
        var items = workflows.Select(WorkflowResponse.From).ToList();
        return TypedResults.Ok(new PageResponse<WorkflowResponse>(items, null));
    }

    private static async Task<Results<Ok<WorkflowResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        TenantCaller caller,
        string workflowId,
        IGrainFactory grains)
    {
        if (!Fields.IsId(workflowId))
        {
            return CustomerEndpoints.InvalidId(workflowId, "workflowId");
        }

        var workflow = await Tenant(grains, caller).GetWorkflowAsync(workflowId);
        return workflow is null
            ? GrainOutcome.NotFound("There is no such workflow.")
            : TypedResults.Ok(WorkflowResponse.From(workflow));
    }

    private static async Task<Results<Ok<WorkflowResponse>, Created<WorkflowResponse>, ValidationProblem, ProblemHttpResult>>
        UpsertAsync(TenantCaller caller, string workflowId, WorkflowRequest request, IGrainFactory grains)
    {
        var errors = request.Validate();
        if (!Fields.IsId(workflowId))
        {
            Fields.Id(errors, "workflowId", workflowId);
        }

        Fields.SameId(errors, request.Id, workflowId);
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var tenant = Tenant(grains, caller);
        var result = await tenant.SaveWorkflowAsync(workflowId, request.ToDefinition(), mustBeNew: false);
        return GrainOutcome.ToHttp(result, WorkflowResponse.From, Location(workflowId));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        TenantCaller caller,
        string workflowId,
        IGrainFactory grains)
    {
        if (!Fields.IsId(workflowId))
        {
            return CustomerEndpoints.InvalidId(workflowId, "workflowId");
        }

        return GrainOutcome.ToDeleted(await Tenant(grains, caller).DeleteWorkflowAsync(workflowId));
    }

    private static ITenantGrain Tenant(IGrainFactory grains, TenantCaller caller) =>
        grains.GetGrain<ITenantGrain>(caller.TenantId);

    private static string Location(string workflowId) => $"/v1/workflows/{workflowId}";
}
