using Mimo.Grains.Interfaces.Workflows;

namespace Mimo.Api.Workflows;

/// <summary>The workflow resource.</summary>
public sealed record WorkflowResponse(
    string Id,
    string Name,
    int Priority,
    WorkflowAudience Audience,
    IReadOnlyList<WorkflowStep> Steps,
    WorkflowRepeat? Repeat,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static WorkflowResponse From(Workflow workflow) => new(
        workflow.Id,
        workflow.Definition.Name,
        workflow.Definition.Priority,
        workflow.Definition.Audience,
        workflow.Definition.Steps,
        workflow.Definition.Repeat,
        workflow.CreatedAt,
        workflow.UpdatedAt);
}
