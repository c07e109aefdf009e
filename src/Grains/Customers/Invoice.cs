using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Customers;

/// <summary>An open invoice as the customer grain keeps it: its details, payments and hold.</summary>
[GenerateSerializer, Immutable, Alias("mimo.Invoice")]
public sealed record Invoice(
    [property: Id(0)] string Id,
    [property: Id(1)] InvoiceDetails Details,
    [property: Id(2)] IReadOnlyList<PaymentDetails> Payments,
    [property: Id(3)] InvoiceHold? Hold)
{
    public static Invoice Open(string id, InvoiceDetails details) => new(id, details, Array.Empty<PaymentDetails>(), null);

    public decimal AmountPaid => Payments.Sum(p => p.Amount);

    public decimal AmountDue => Details.Amount - AmountPaid;

    /// <summary>The date of the payment that settled the invoice, or of the latest payment.</summary>
    public DateOnly? LastPaidOn => Payments.Count == 0 ? null : Payments.Max(p => p.PaidOn);

    public bool HasPaymentReference(string? reference) =>
        reference is not null && Payments.Any(p => string.Equals(p.Reference, reference, StringComparison.Ordinal));

    /// <summary>Whether a hold stops reminders on <paramref name="today"/>; a hold ends after its until date.</summary>
    public bool IsOnHold(DateOnly today) => Hold is not null && (Hold.Until is null || Hold.Until >= today);

    public Invoice WithDetails(InvoiceDetails details) => this with { Details = details };

    public Invoice WithPayment(PaymentDetails payment) => this with { Payments = Payments.Append(payment).ToArray() };

    public Invoice WithHold(InvoiceHold? hold) => this with { Hold = hold };

    public InvoiceView ToView(InvoiceStatus status = InvoiceStatus.Open, DateOnly? closedOn = null) =>
        new(Id, Details, AmountPaid, status == InvoiceStatus.Open ? AmountDue : 0m, status, Hold, Payments, closedOn);
}
