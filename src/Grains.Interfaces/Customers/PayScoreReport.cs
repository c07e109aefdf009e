using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Interfaces.Customers;

/// <summary>
/// A customer's Pay Score with what it was computed from, so that a person can check it by hand.
/// <see cref="Score"/> is null (band unscored) with fewer than three invoices paid in the last 12 months.
/// </summary>
/// <param name="PaidInvoices">Invoices paid in the last 12 months.</param>
/// <param name="WeightedDaysLate">Their amount-weighted average days late (negative = early); null when unscored.</param>
/// <param name="OnTimeShare">The share of them paid on or before the due date, from 0 to 1; null when none.</param>
/// <param name="OpenOverdueInvoices">Open invoices more than 30 days overdue that were counted as if paid today.</param>
[GenerateSerializer, Immutable, Alias("mimo.PayScoreReport")]
public sealed record PayScoreReport(
    [property: Id(0)] int? Score,
    [property: Id(1)] PayerBand Band,
    [property: Id(2)] int PaidInvoices,
    [property: Id(3)] decimal? WeightedDaysLate,
    [property: Id(4)] decimal? OnTimeShare,
    [property: Id(5)] int OpenOverdueInvoices,
    [property: Id(6)] IReadOnlyList<string> Explanation)
{
    public PayScoreSummary Summary => new(Score, Band);
}
