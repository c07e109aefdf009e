namespace Mimo.Grains.Scheduling;

/// <summary>An open invoice as the planner sees it.</summary>
/// <param name="HoldUntil">The last local day of a hold; null when not on hold.</param>
/// <param name="HeldIndefinitely">On hold with no end date: never reminded until the hold is lifted.</param>
public sealed record PlannedInvoice(
    string Id,
    DateOnly DueDate,
    decimal AmountDue,
    DateOnly? HoldUntil = null,
    bool HeldIndefinitely = false);

/// <summary>
/// A (invoice, step) pair that has already been sent: it is never sent again. Its offset, when
/// known, also retires every step of any flow at or before that offset, so that a customer who
/// switches flows (a smart customer whose band changed) never goes back to an earlier step.
/// </summary>
public sealed record SentStep(string InvoiceId, string StepKey, int? OffsetDays = null);

/// <summary>Everything the planner decides from. Nothing here refers to Orleans.</summary>
/// <param name="LastSentOn">The local day of the customer's latest reminder, for the minimum gap.</param>
/// <param name="PausedUntil">No reminder goes out before this instant.</param>
public sealed record PlannerInput(
    IReadOnlyList<PlannedInvoice> Invoices,
    ReminderFlow Flow,
    SendSettings Settings,
    IReadOnlySet<SentStep> Sent,
    DateOnly? LastSentOn,
    DateTimeOffset? PausedUntil,
    DateTimeOffset Now);
