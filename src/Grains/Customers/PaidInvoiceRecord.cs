namespace Mimo.Grains.Customers;

/// <summary>
/// What the Pay Score needs to know of a paid invoice: how much, when it was due, when it was paid,
/// and how late it was paid, weighted by amount over its payments (a part paid on time and the rest
/// a month later is about half a month late). The invoice itself moves to the archive when it is paid.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.PaidInvoiceRecord")]
public sealed record PaidInvoiceRecord(
    [property: Id(0)] string InvoiceId,
    [property: Id(1)] string Currency,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] DateOnly DueDate,
    [property: Id(4)] DateOnly PaidOn,
    [property: Id(5)] decimal? DaysLate = null);
