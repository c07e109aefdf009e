using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Interfaces.Customers;

/// <summary>An email address the customer's reminders go to.</summary>
[GenerateSerializer, Immutable, Alias("mimo.Contact")]
public sealed record Contact(
    [property: Id(0)] string Email,
    [property: Id(1)] string? Name = null);

/// <summary>What a tenant sends to create or replace a customer.</summary>
[GenerateSerializer, Immutable, Alias("mimo.CustomerDetails")]
public sealed record CustomerDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<Contact> Contacts,
    [property: Id(2)] string? TimeZone,
    [property: Id(3)] IReadOnlyList<string> Tags,
    [property: Id(4)] PaymentMethod PaymentMethod);

/// <summary>A customer's Pay Score as the customer resource and the directory show it.</summary>
[GenerateSerializer, Immutable, Alias("mimo.PayScoreSummary")]
public sealed record PayScoreSummary(
    [property: Id(0)] int? Score,
    [property: Id(1)] PayerBand Band)
{
    public static PayScoreSummary Unscored { get; } = new(null, PayerBand.Unscored);
}

/// <summary>
/// How a customer is reminded; a null mode follows the tenant's default. <see cref="Suspended"/>
/// says why the engine itself stopped the reminders (an address that bounced), until the tenant
/// changes the customer's contacts or its reminder settings.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.ReminderSettingsView")]
public sealed record ReminderSettingsView(
    [property: Id(0)] ReminderMode? Mode,
    [property: Id(1)] string? WorkflowId,
    [property: Id(2)] DateTimeOffset? PausedUntil,
    [property: Id(3)] DateTimeOffset? NextReminderAt,
    [property: Id(4)] ReminderSuspension? Suspended = null);

/// <summary>The customer resource.</summary>
[GenerateSerializer, Immutable, Alias("mimo.CustomerView")]
public sealed record CustomerView(
    [property: Id(0)] string Id,
    [property: Id(1)] CustomerDetails Details,
    [property: Id(2)] IReadOnlyList<InvoiceView> OpenInvoices,
    [property: Id(3)] IReadOnlyList<MoneyAmount> Outstanding,
    [property: Id(4)] PayScoreSummary PayScore,
    [property: Id(5)] ReminderSettingsView Reminders,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt);
