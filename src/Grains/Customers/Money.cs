using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Customers;

/// <summary>Sums of amounts that are only ever added within one currency.</summary>
public static class Money
{
    /// <summary>The amount still owed on the invoices, per currency, in currency-code order.</summary>
    public static IReadOnlyList<MoneyAmount> OutstandingByCurrency(IEnumerable<Invoice> invoices) =>
        invoices
            .GroupBy(i => i.Details.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new MoneyAmount(g.Key, g.Sum(i => i.AmountDue)))
            .ToList();
}
