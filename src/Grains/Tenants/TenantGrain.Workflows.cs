using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Workflows;

namespace Mimo.Grains.Tenants;

/// <summary>The tenant's workflows. Every change raises the revision and re-plans the customers.</summary>
internal sealed partial class TenantGrain
{
    /// <summary>The most workflows a tenant keeps: they are part of the tenant's state, written whole.</summary>
    public const int MaxWorkflows = 100;

    public async Task<GrainResult<Workflow>> SaveWorkflowAsync(
        string workflowId,
        WorkflowDefinition definition,
        bool mustBeNew)
    {
        if (!Tenant.Exists)
        {
            return NoSuchTenant<Workflow>();
        }

        var existing = Tenant.Workflows.GetValueOrDefault(workflowId);
        if (CheckWorkflow(definition, existing is not null, mustBeNew) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        var workflow = new Workflow(workflowId, definition, existing?.CreatedAt ?? now, now);
        Tenant.Workflows[workflowId] = workflow;
        await WriteNewRevisionAsync();

        LogWorkflowSaved(logger, TenantId, workflowId, Tenant.Revision);
        return existing is null ? GrainResult<Workflow>.Created(workflow) : GrainResult<Workflow>.Ok(workflow);
    }

    public Task<Workflow?> GetWorkflowAsync(string workflowId) =>
        Task.FromResult(Tenant.Workflows.GetValueOrDefault(workflowId));

    public Task<IReadOnlyList<Workflow>> ListWorkflowsAsync() => Task.FromResult(OrderedWorkflows());

    public async Task<GrainResult<Workflow>> DeleteWorkflowAsync(string workflowId)
    {
        if (!Tenant.Exists)
        {
            return NoSuchTenant<Workflow>();
        }

        if (!Tenant.Workflows.Remove(workflowId, out var removed))
        {
            return GrainResult<Workflow>.NotFound("There is no such workflow.");
        }

        await WriteNewRevisionAsync();

        LogWorkflowDeleted(logger, TenantId, workflowId, Tenant.Revision);
        return GrainResult<Workflow>.Ok(removed);
    }

    /// <summary>Highest priority first; equal priorities by id, so the order never depends on storage.</summary>
    private IReadOnlyList<Workflow> OrderedWorkflows() =>
        Tenant.Workflows.Values
            .OrderByDescending(w => w.Definition.Priority)
            .ThenBy(w => w.Id, StringComparer.Ordinal)
            .ToList();

    private List<Workflow> WorkflowsUsing(string templateId) =>
        OrderedWorkflows().Where(w => w.Definition.Steps.Any(s => s.TemplateId == templateId)).ToList();

    private GrainResult<Workflow>? CheckWorkflow(WorkflowDefinition definition, bool exists, bool mustBeNew)
    {
        if (CheckSteps(definition.Steps) is { } invalid)
        {
            return invalid;
        }

        if (exists && mustBeNew)
        {
            return GrainResult<Workflow>.Conflict("A workflow with this id already exists: use PUT to replace it.");
        }

        return !exists && Tenant.Workflows.Count >= MaxWorkflows
            ? GrainResult<Workflow>.Conflict($"A tenant has at most {MaxWorkflows} workflows: delete one first.")
            : null;
    }

    /// <summary>What the planner relies on: at least one step, unique step names, templates that exist.</summary>
    private GrainResult<Workflow>? CheckSteps(IReadOnlyList<WorkflowStep> steps)
    {
        if (steps.Count == 0)
        {
            return GrainResult<Workflow>.Invalid("steps", "A workflow has at least one step.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            if (!names.Add(steps[i].Name))
            {
                return GrainResult<Workflow>.Invalid(
                    $"steps[{i}].name",
                    "Step names must be unique within a workflow.");
            }

            if (!Tenant.Templates.ContainsKey(steps[i].TemplateId))
            {
                return GrainResult<Workflow>.Invalid(
                    $"steps[{i}].templateId",
                    $"There is no template '{steps[i].TemplateId}': create it first.");
            }
        }

        return null;
    }
}
