using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Reminders;

/// <summary>
/// <c>PUT /v1/customers/{id}/reminders</c>. A missing or null <see cref="Mode"/> follows the
/// tenant's default mode; <see cref="WorkflowId"/> is allowed with <c>custom</c> only; no
/// reminder goes out before <see cref="PausedUntil"/>, an ISO 8601 instant with its offset
/// (read as text, so that one without an offset is refused instead of taken as server time).
/// </summary>
public sealed record ReminderSettingsRequest(
    ReminderMode? Mode,
    string? WorkflowId,
    [property: Instant] string? PausedUntil)
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

        Fields.Instant(errors, "pausedUntil", PausedUntil);
        return errors;
    }

    public ReminderSettingsChange ToChange() => new(Mode, WorkflowId, PausedUntilInstant()?.ToUniversalTime());

    private DateTimeOffset? PausedUntilInstant() =>
        Fields.TryParseInstant(PausedUntil, out var instant) ? instant : null;
}
