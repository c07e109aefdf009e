using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Reminders;

/// <summary>One upcoming automatic email; <see cref="Step"/> is the workflow step's name.</summary>
public sealed record ScheduledSendResponse(
    DateTimeOffset SendAt,
    IReadOnlyList<string> InvoiceIds,
    string Step,
    string TemplateId,
    ReminderSource Source,
    string? WorkflowId)
{
    public static ScheduledSendResponse From(ScheduledSend send) =>
        new(send.SendAt, send.InvoiceIds, send.Step, send.TemplateId, send.Source, send.WorkflowId);
}

/// <summary>One entry of a customer's activity log.</summary>
public sealed record ActivityEntryResponse(
    DateTimeOffset At,
    ActivityKind Kind,
    ReminderSource Source,
    IReadOnlyList<string> InvoiceIds,
    string? Step,
    string? Subject,
    IReadOnlyList<string> To,
    string? MessageId,
    string? Reason)
{
    public static ActivityEntryResponse From(ActivityEntry entry) => new(
        entry.At, entry.Kind, entry.Source, entry.InvoiceIds, entry.Step, entry.Subject, entry.To, entry.MessageId,
        entry.Reason);
}
