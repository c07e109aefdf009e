using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Reminders;

/// <summary>
/// <c>PUT /v1/customers/{id}/reminders</c>. A missing or null <see cref="Mode"/> follows the
/// tenant's default mode; <see cref="WorkflowId"/> is allowed with <c>custom</c> only; no
/// reminder goes out before <see cref="PausedUntil"/>.
/// </summary>
public sealed record ReminderSettingsRequest(ReminderMode? Mode, string? WorkflowId, DateTimeOffset? PausedUntil)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (WorkflowId is not null)
        {
            Fields.Id(errors, "workflowId", WorkflowId);
            if (Mode != ReminderMode.Custom)
            {
                errors.Add("workflowId", "A workflow can only be named with mode 'custom'.");
            }
        }

        if (PausedUntil is { } until && (until.Year < Fields.EarliestDate.Year || until.Year > Fields.LatestDate.Year))
        {
            errors.Add("pausedUntil", $"The pausedUntil must be between {Fields.EarliestDate.Year} and {Fields.LatestDate.Year}.");
        }

        return errors;
    }

    public ReminderSettingsChange ToChange() => new(Mode, WorkflowId, PausedUntil?.ToUniversalTime());
}
