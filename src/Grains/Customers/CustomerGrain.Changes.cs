using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Customers;

/// <summary>
/// Batches of changes (an import): each applied by the same rules as its own command, in order,
/// with one state write at the end, so a customer and its hundred invoices cost one write.
/// </summary>
internal sealed partial class CustomerGrain
{
    /// <summary>The most changes one batch may hold, so that one call stays short.</summary>
    public const int MaxChangesPerBatch = 500;

    public async Task<IReadOnlyList<string?>> ApplyChangesAsync(IReadOnlyList<CustomerChange> changes)
    {
        if (changes.Count > MaxChangesPerBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(changes), $"At most {MaxChangesPerBatch} changes are applied at once.");
        }

        var now = clock.GetUtcNow();
        var outcomes = new string?[changes.Count];
        var changed = false;
        for (var i = 0; i < changes.Count; i++)
        {
            (outcomes[i], var applied) = await ApplyAsync(changes[i], now);
            changed |= applied;
        }

        if (changed)
        {
            await SaveAsync(now);
        }

        return outcomes;
    }

    /// <summary>Applies one change to the state in memory: its error (null when fine) and whether the state changed.</summary>
    private async Task<(string? Error, bool Changed)> ApplyAsync(CustomerChange change, DateTimeOffset now)
    {
        if (change.Customer is { } details)
        {
            ApplyDetails(details, now);
            return (null, true);
        }

        if (!Customer.Exists)
        {
            return ("There is no such customer.", false);
        }

        var invoiceId = change.InvoiceId!;
        var archived = await ArchivedAsync(invoiceId);
        var ledger = change.Invoice is { } invoice
            ? CustomerLedger.UpsertInvoice(Customer, invoiceId, invoice, archived, Today())
            : CustomerLedger.RecordPayment(Customer, invoiceId, change.Payment!, archived);
        await ArchiveClosedAsync(ledger, invoiceId);
        return (ledger.Result.Succeeded ? null : ledger.Result.Error ?? ledger.Result.Status.ToString(), ledger.StateChanged);
    }
}
