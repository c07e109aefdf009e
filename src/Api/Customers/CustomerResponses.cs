using Mimo.Api.Invoices;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Customers;

/// <summary>
/// A customer's reminder settings. A null <see cref="Mode"/> means the customer follows the
/// tenant's <c>defaultReminderMode</c>; <see cref="Suspended"/> is set when the engine stopped the
/// reminders itself (an address the mail server refused), until the contacts or these settings change.
/// </summary>
public sealed record RemindersResponse(
    ReminderMode? Mode,
    string? WorkflowId,
    DateTimeOffset? PausedUntil,
    DateTimeOffset? NextReminderAt,
    ReminderSuspension? Suspended)
{
    public static RemindersResponse From(ReminderSettingsView view) =>
        new(view.Mode, view.WorkflowId, view.PausedUntil, view.NextReminderAt, view.Suspended);
}

/// <summary>The customer resource.</summary>
public sealed record CustomerResponse(
    string Id,
    string Name,
    IReadOnlyList<Contact> Contacts,
    string? TimeZone,
    IReadOnlyList<string> Tags,
    PaymentMethod PaymentMethod,
    IReadOnlyList<InvoiceResponse> OpenInvoices,
    IReadOnlyList<MoneyAmount> Outstanding,
    PayScoreSummary PayScore,
    RemindersResponse Reminders,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CustomerResponse From(CustomerView view) => new(
        view.Id,
        view.Details.Name,
        view.Details.Contacts,
        view.Details.TimeZone,
        view.Details.Tags,
        view.Details.PaymentMethod,
        view.OpenInvoices.Select(InvoiceResponse.From).ToList(),
        view.Outstanding,
        view.PayScore,
        RemindersResponse.From(view.Reminders),
        view.CreatedAt,
        view.UpdatedAt);
}

/// <summary>One page of a list: pass <see cref="NextCursor"/> back as <c>cursor</c> for the next.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
