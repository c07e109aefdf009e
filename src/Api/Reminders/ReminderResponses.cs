using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Reminders;

/// <summary>
/// One upcoming email; <see cref="Step"/> is the workflow step's name. <see cref="Status"/> is
/// <c>planned</c>, <c>delivering</c> (decided, being sent), <c>retrying</c> (the next attempt is at
/// <see cref="SendAt"/>) or <c>queued</c> (decided, waiting for an earlier email of the customer to go first).
/// </summary>
public sealed record ScheduledSendResponse(
    DateTimeOffset SendAt,
    IReadOnlyList<string> InvoiceIds,
    string Step,
    string TemplateId,
    ReminderSource Source,
    string? WorkflowId,
    ScheduledSendStatus Status)
{
    public static ScheduledSendResponse From(ScheduledSend send) =>
        new(send.SendAt, send.InvoiceIds, send.Step, send.TemplateId, send.Source, send.WorkflowId, send.Status);
}

/// <summary>One entry of a customer's activity log; <see cref="Band"/> is the payer band of a smart reminder.</summary>
public sealed record ActivityEntryResponse(
    DateTimeOffset At,
    ActivityKind Kind,
    ReminderSource Source,
    IReadOnlyList<string> InvoiceIds,
    string? Step,
    string? Subject,
    IReadOnlyList<string> To,
    string? MessageId,
    string? Reason,
    PayerBand? Band)
{
    public static ActivityEntryResponse From(ActivityEntry entry) => new(
        entry.At, entry.Kind, entry.Source, entry.InvoiceIds, entry.Step, entry.Subject, entry.To, entry.MessageId,
        entry.Reason, entry.Band);
}
