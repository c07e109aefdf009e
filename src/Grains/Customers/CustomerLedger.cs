using System.Globalization;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Customers;

/// <summary>
/// The invoice rules of one customer: what each command does to <see cref="CustomerState"/>.
/// State changes only when the command succeeds. <c>archived</c> is the closed invoice with the same
/// id, when the caller found one in the archive: closed invoices cannot change, though repeating
/// the exact request that created one is answered as a success, so that imports can be re-run.
/// </summary>
public static class CustomerLedger
{
    /// <summary>The most open invoices one customer may have, to keep its state bounded.</summary>
    public const int MaxOpenInvoices = 5_000;

    public static LedgerChange UpsertInvoice(
        CustomerState state,
        string invoiceId,
        InvoiceDetails details,
        InvoiceView? archived,
        DateOnly today)
    {
        var existing = state.FindOpen(invoiceId);
        if (existing is null)
        {
            return archived switch
            {
                null => OpenNew(state, invoiceId, details),
                _ when archived.Details == details => LedgerChange.Unchanged(GrainResult<InvoiceView>.Ok(archived)),
                _ => LedgerChange.Unchanged(ClosedConflict(archived)),
            };
        }

        if (existing.Payments.Count > 0 && existing.Details.Currency != details.Currency)
        {
            return Invalid("currency", "The currency of an invoice with payments cannot change.");
        }

        if (details.Amount < existing.AmountPaid)
        {
            return Invalid("amount", $"The amount is less than the {Format(existing.AmountPaid)} already paid.");
        }

        var replaced = existing.WithDetails(details);
        return replaced.AmountDue == 0
            ? Close(state, replaced, InvoiceStatus.Paid, replaced.LastPaidOn ?? today, GrainResult<InvoiceView>.Ok)
            : Keep(state, replaced, GrainResult<InvoiceView>.Ok);
    }

    public static LedgerChange RecordPayment(
        CustomerState state,
        string invoiceId,
        PaymentDetails payment,
        InvoiceView? archived)
    {
        var invoice = state.FindOpen(invoiceId);
        if (invoice is null)
        {
            return LedgerChange.Unchanged(archived switch
            {
                null => InvoiceNotFound(invoiceId),
                _ when IsRepeat(archived.Payments, payment) => GrainResult<InvoiceView>.Ok(archived),
                _ => ClosedConflict(archived),
            });
        }

        if (invoice.HasPaymentReference(payment.Reference))
        {
            return LedgerChange.Unchanged(GrainResult<InvoiceView>.Ok(invoice.ToView()));
        }

        if (payment.Amount > invoice.AmountDue)
        {
            return Invalid(
                "amount",
                $"The payment of {Format(payment.Amount)} is more than the {Format(invoice.AmountDue)} due.");
        }

        var paid = invoice.WithPayment(payment);
        return paid.AmountDue == 0
            ? Close(state, paid, InvoiceStatus.Paid, paid.LastPaidOn!.Value, GrainResult<InvoiceView>.Created)
            : Keep(state, paid, GrainResult<InvoiceView>.Created);
    }

    public static LedgerChange Void(CustomerState state, string invoiceId, InvoiceView? archived, DateOnly today)
    {
        var invoice = state.FindOpen(invoiceId);
        if (invoice is not null)
        {
            return Close(state, invoice, InvoiceStatus.Void, today, GrainResult<InvoiceView>.Ok);
        }

        return LedgerChange.Unchanged(archived switch
        {
            null => InvoiceNotFound(invoiceId),
            { Status: InvoiceStatus.Void } => GrainResult<InvoiceView>.Ok(archived),
            _ => ClosedConflict(archived),
        });
    }

    public static LedgerChange SetHold(CustomerState state, string invoiceId, InvoiceHold? hold, InvoiceView? archived)
    {
        var invoice = state.FindOpen(invoiceId);
        if (invoice is null)
        {
            return LedgerChange.Unchanged(archived is null ? InvoiceNotFound(invoiceId) : ClosedConflict(archived));
        }

        if (hold is null && invoice.Hold is null)
        {
            return LedgerChange.Unchanged(GrainResult<InvoiceView>.Ok(invoice.ToView()));
        }

        return Keep(state, invoice.WithHold(hold), GrainResult<InvoiceView>.Ok);
    }

    private static LedgerChange OpenNew(CustomerState state, string invoiceId, InvoiceDetails details)
    {
        if (state.OpenInvoices.Count >= MaxOpenInvoices)
        {
            return LedgerChange.Unchanged(GrainResult<InvoiceView>.Conflict(
                $"The customer already has {MaxOpenInvoices} open invoices, the most one customer may have."));
        }

        return Keep(state, Invoice.Open(invoiceId, details), GrainResult<InvoiceView>.Created);
    }

    private static LedgerChange Keep(
        CustomerState state,
        Invoice invoice,
        Func<InvoiceView, GrainResult<InvoiceView>> answer)
    {
        state.Replace(invoice);
        return LedgerChange.Changed(answer(invoice.ToView()));
    }

    private static LedgerChange Close(
        CustomerState state,
        Invoice invoice,
        InvoiceStatus status,
        DateOnly closedOn,
        Func<InvoiceView, GrainResult<InvoiceView>> answer)
    {
        state.OpenInvoices.RemoveAll(i => i.Id == invoice.Id);
        if (status == InvoiceStatus.Paid)
        {
            var record = new PaidInvoiceRecord(
                invoice.Id,
                invoice.Details.Currency,
                invoice.Details.Amount,
                invoice.Details.DueDate,
                closedOn,
                WeightedDaysLate(invoice));
            state.PaidHistory = PaidHistory.Add(state.PaidHistory, record, closedOn);
        }

        var closed = invoice.ToView(status, closedOn);
        return LedgerChange.Changed(answer(closed), closed);
    }

    /// <summary>How late the invoice was paid, each payment weighted by its amount.</summary>
    private static decimal? WeightedDaysLate(Invoice invoice)
    {
        var paid = invoice.Payments.Sum(p => p.Amount);
        return paid <= 0
            ? null
            : invoice.Payments.Sum(p => p.Amount * (p.PaidOn.DayNumber - invoice.Details.DueDate.DayNumber)) / paid;
    }

    private static bool IsRepeat(IReadOnlyList<PaymentDetails> payments, PaymentDetails payment) =>
        payment.Reference is not null
        && payments.Any(p => string.Equals(p.Reference, payment.Reference, StringComparison.Ordinal));

    private static LedgerChange Invalid(string field, string error) =>
        LedgerChange.Unchanged(GrainResult<InvoiceView>.Invalid(field, error));

    private static GrainResult<InvoiceView> InvoiceNotFound(string invoiceId) =>
        GrainResult<InvoiceView>.NotFound($"There is no invoice '{invoiceId}'.");

    private static GrainResult<InvoiceView> ClosedConflict(InvoiceView archived) =>
        GrainResult<InvoiceView>.Conflict(
            $"Invoice '{archived.Id}' is {archived.Status.ToString().ToLowerInvariant()} and can no longer change.");

    private static string Format(decimal amount) => amount.ToString("0.##########", CultureInfo.InvariantCulture);
}
