using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Interfaces.Customers;

/// <summary>
/// What a tenant sets on a customer: the mode (null follows the tenant's default), an explicit
/// workflow for <c>custom</c> (null follows the audience rules), and a pause.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.ReminderSettingsChange")]
public sealed record ReminderSettingsChange(
    [property: Id(0)] ReminderMode? Mode,
    [property: Id(1)] string? WorkflowId,
    [property: Id(2)] DateTimeOffset? PausedUntil);

/// <summary>Where an upcoming email stands.</summary>
[GenerateSerializer, Alias("mimo.ScheduledSendStatus")]
public enum ScheduledSendStatus
{
    /// <summary>Planned for <see cref="ScheduledSend.SendAt"/>; nothing is decided yet.</summary>
    Planned = 0,

    /// <summary>Decided and being delivered now.</summary>
    Delivering = 1,

    /// <summary>A delivery attempt failed; the next one is at <see cref="ScheduledSend.SendAt"/>.</summary>
    Retrying = 2,

    /// <summary>Decided, and waiting for an earlier email of the customer to be delivered first.</summary>
    Queued = 3,
}

/// <summary>One upcoming email: when, for which invoices, at which step, with which template.</summary>
[GenerateSerializer, Immutable, Alias("mimo.ScheduledSend")]
public sealed record ScheduledSend(
    [property: Id(0)] DateTimeOffset SendAt,
    [property: Id(1)] IReadOnlyList<string> InvoiceIds,
    [property: Id(2)] string Step,
    [property: Id(3)] string TemplateId,
    [property: Id(4)] ReminderSource Source,
    [property: Id(5)] string? WorkflowId,
    [property: Id(6)] ScheduledSendStatus Status = ScheduledSendStatus.Planned);

/// <summary>Why a customer's reminders are stopped by the engine itself, e.g. an address that bounced.</summary>
[GenerateSerializer, Immutable, Alias("mimo.ReminderSuspension")]
public sealed record ReminderSuspension(
    [property: Id(0)] string Reason,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] string? Contact);
