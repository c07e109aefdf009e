namespace Mimo.Grains.Customers;

/// <summary>
/// The compact record of invoices paid recently. Only the window the Pay Score reads is kept,
/// so a customer with years of history costs no more state than one with one year.
/// </summary>
public static class PaidHistory
{
    /// <summary>How long a paid invoice stays in the history: the Pay Score's 12 months plus a margin.</summary>
    public const int RetentionDays = 400;

    /// <summary>Adds a paid invoice and drops the ones paid before the retention window.</summary>
    public static IReadOnlyList<PaidInvoiceRecord> Add(
        IReadOnlyList<PaidInvoiceRecord> history,
        PaidInvoiceRecord paid,
        DateOnly today) =>
        Prune(history.Where(r => r.InvoiceId != paid.InvoiceId).Append(paid).ToArray(), today);

    public static IReadOnlyList<PaidInvoiceRecord> Prune(IReadOnlyList<PaidInvoiceRecord> history, DateOnly today)
    {
        var cutoff = today.AddDays(-RetentionDays);
        return history.All(r => r.PaidOn >= cutoff) ? history : history.Where(r => r.PaidOn >= cutoff).ToArray();
    }
}
