using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Workflows;

namespace Mimo.Api.Workflows;

/// <summary>
/// <c>POST /v1/workflows</c> and <c>PUT /v1/workflows/{workflowId}</c>: which customers the
/// workflow applies to and the emails it sends. <c>id</c> is optional on POST (the server makes
/// one); on PUT it may be left out. Of the workflows whose audience matches a customer, the one
/// with the highest <c>priority</c> applies.
/// </summary>
public sealed record WorkflowRequest(
    string? Id,
    string? Name,
    int? Priority,
    AudienceRequest? Audience,
    IReadOnlyList<StepRequest?>? Steps,
    RepeatRequest? Repeat)
{
    public const int MaxSteps = 50;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Id is not null)
        {
            Fields.Id(errors, "id", Id);
        }

        Fields.Text(errors, "name", Name);
        if (Priority is null)
        {
            errors.Add("priority", "The priority is required: a whole number, the highest wins.");
        }

        if (Audience is null)
        {
            errors.Add("audience", "The audience is required: {} applies the workflow to every customer.");
        }

        Audience?.Validate(errors, "audience");
        ValidateSteps(errors);
        Repeat?.Validate(errors, "repeat");
        return errors;
    }

    public WorkflowDefinition ToDefinition() => new(
        Name!.Trim(),
        Priority!.Value,
        Audience!.ToAudience(),
        Steps!.Select(s => s!.ToStep()).ToList(),
        Repeat?.ToRepeat());

    private void ValidateSteps(ValidationErrors errors)
    {
        if (Steps is null || Steps.Count is 0 or > MaxSteps)
        {
            errors.Add("steps", $"A workflow has 1 to {MaxSteps} steps.");
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i] is not { } step)
            {
                errors.Add($"steps[{i}]", "A step must be an object {name, offsetDays, templateId}.");
                continue;
            }

            step.Validate(errors, $"steps[{i}]");
            if (step.Name is not null && !names.Add(step.Name.Trim()))
            {
                errors.Add($"steps[{i}].name", "Step names must be unique within a workflow.");
            }
        }
    }
}
