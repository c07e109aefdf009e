using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Invoices;

/// <summary>The invoice resource: its details, what was paid, what is still due, and its hold.</summary>
public sealed record InvoiceResponse(
    string Id,
    string Number,
    DateOnly IssueDate,
    DateOnly DueDate,
    string Currency,
    decimal Amount,
    string? PaymentUrl,
    decimal AmountPaid,
    decimal AmountDue,
    InvoiceStatus Status,
    InvoiceHold? Hold,
    IReadOnlyList<PaymentDetails> Payments,
    DateOnly? ClosedOn)
{
    public static InvoiceResponse From(InvoiceView view) => new(
        view.Id,
        view.Details.Number,
        view.Details.IssueDate,
        view.Details.DueDate,
        view.Details.Currency,
        view.Details.Amount,
        view.Details.PaymentUrl,
        view.AmountPaid,
        view.AmountDue,
        view.Status,
        view.Hold,
        view.Payments,
        view.ClosedOn);
}
