using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Interfaces.Activity;

[GenerateSerializer, Alias("mimo.ActivityKind")]
public enum ActivityKind
{
    Sent = 0,
    Skipped = 1,
    Failed = 2,
    Retrying = 3,
}

[GenerateSerializer, Alias("mimo.ReminderSource")]
public enum ReminderSource
{
    Smart = 0,
    Workflow = 1,
    Manual = 2,
}

/// <summary>
/// One entry of a customer's activity log: a reminder sent, skipped (with the reason), failed or
/// being retried. <see cref="Id"/> makes writing an entry twice harmless; <see cref="Band"/> is the
/// payer band of a smart reminder.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.ActivityEntry")]
public sealed record ActivityEntry(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] ActivityKind Kind,
    [property: Id(3)] ReminderSource Source,
    [property: Id(4)] IReadOnlyList<string> InvoiceIds,
    [property: Id(5)] string? Subject,
    [property: Id(6)] IReadOnlyList<string> To,
    [property: Id(7)] string? MessageId,
    [property: Id(8)] string? Reason,
    [property: Id(9)] string? Step = null,
    [property: Id(10)] PayerBand? Band = null);

/// <summary>
/// A page of a customer's activity, newest first. <see cref="NextBefore"/> is the cursor for the
/// next (older) page, or null on the last page.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.ActivityPage")]
public sealed record ActivityPage(
    [property: Id(0)] IReadOnlyList<ActivityEntry> Items,
    [property: Id(1)] ActivityCursor? NextBefore);

/// <summary>Where a page of activity starts: entries strictly older than this one.</summary>
[GenerateSerializer, Immutable, Alias("mimo.ActivityCursor")]
public sealed record ActivityCursor(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] Guid Id);
