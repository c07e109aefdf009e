using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Interfaces.Customers;

/// <summary>A row of the customer directory: what lists and filters need, without invoices.</summary>
[GenerateSerializer, Immutable, Alias("mimo.CustomerSummary")]
public sealed record CustomerSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Tags,
    [property: Id(3)] PaymentMethod PaymentMethod,
    [property: Id(4)] ReminderMode? ReminderMode,
    [property: Id(5)] PayScoreSummary PayScore,
    [property: Id(6)] IReadOnlyList<MoneyAmount> Outstanding,
    [property: Id(7)] DateTimeOffset? NextReminderAt,
    [property: Id(8)] DateTimeOffset UpdatedAt);

/// <summary>
/// A directory filter. <see cref="DefaultMode"/> is the tenant's default, so that a customer
/// without a mode of its own matches a filter on the mode it actually follows.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.DirectoryQuery")]
public sealed record DirectoryQuery(
    [property: Id(0)] PayerBand? Band,
    [property: Id(1)] ReminderMode? Mode,
    [property: Id(2)] string? Tag,
    [property: Id(3)] int Limit,
    [property: Id(4)] string? AfterCustomerId,
    [property: Id(5)] ReminderMode DefaultMode = ReminderMode.None);

/// <summary>One page of directory rows, ordered by customer id.</summary>
[GenerateSerializer, Immutable, Alias("mimo.DirectoryPage")]
public sealed record DirectoryPage(
    [property: Id(0)] IReadOnlyList<CustomerSummary> Items,
    [property: Id(1)] string? NextAfterCustomerId);
