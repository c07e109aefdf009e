using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Workflows;

namespace Mimo.Grains.Scheduling;

/// <summary>What audience rules look at in a customer.</summary>
public sealed record CustomerProfile(
    IReadOnlyList<string> Tags,
    PayerBand Band,
    PaymentMethod PaymentMethod,
    IReadOnlyList<MoneyAmount> Outstanding);

/// <summary>
/// Which workflow a customer in <c>custom</c> mode follows: the one named on it when it exists,
/// else the highest-priority workflow whose audience matches (ties go to the smaller id).
/// </summary>
public static class WorkflowSelection
{
    public static Workflow? For(CustomerProfile customer, string? namedWorkflowId, IReadOnlyList<Workflow> workflows)
    {
        var named = namedWorkflowId is null ? null : workflows.FirstOrDefault(w => w.Id == namedWorkflowId);
        return named ?? workflows
            .Where(w => Matches(w.Definition.Audience, customer))
            .OrderByDescending(w => w.Definition.Priority)
            .ThenBy(w => w.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>
    /// Every criterion that is set must hold: one of the tags, one of the bands, one of the payment
    /// methods, and at least the minimum outstanding in some currency. No criteria match everyone.
    /// </summary>
    public static bool Matches(WorkflowAudience audience, CustomerProfile customer) =>
        (audience.Tags is not { Count: > 0 } tags || tags.Any(t => customer.Tags.Contains(t, StringComparer.Ordinal)))
        && (audience.Bands is not { Count: > 0 } bands || bands.Contains(customer.Band))
        && (audience.PaymentMethods is not { Count: > 0 } methods || methods.Contains(customer.PaymentMethod))
        && (audience.MinOutstanding is not { } minimum || customer.Outstanding.Any(o => o.Amount >= minimum));

    /// <summary>The planner's view of a workflow. Step keys carry the workflow id, so steps of two workflows never mix.</summary>
    public static ReminderFlow ToFlow(Workflow workflow)
    {
        var steps = workflow.Definition.Steps
            .Select(s => new FlowStep($"{workflow.Id}/{s.Name}", s.Name, s.OffsetDays, s.TemplateId))
            .ToList();
        var repeat = workflow.Definition.Repeat is { } r ? new FlowRepeat(r.EveryDays, r.MaxTimes) : null;
        return new ReminderFlow(workflow.Id, steps, repeat);
    }
}
