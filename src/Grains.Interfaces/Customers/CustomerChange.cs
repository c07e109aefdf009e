namespace Mimo.Grains.Interfaces.Customers;

/// <summary>
/// One change in a batch applied to a customer at once (an import): create or replace the
/// customer, create or replace an invoice, or record a payment. Exactly the fields of its kind are set.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.CustomerChange")]
public sealed record CustomerChange(
    [property: Id(0)] CustomerDetails? Customer = null,
    [property: Id(1)] string? InvoiceId = null,
    [property: Id(2)] InvoiceDetails? Invoice = null,
    [property: Id(3)] PaymentDetails? Payment = null)
{
    public static CustomerChange Upsert(CustomerDetails details) => new(Customer: details);

    public static CustomerChange UpsertInvoice(string invoiceId, InvoiceDetails details) => new(InvoiceId: invoiceId, Invoice: details);

    public static CustomerChange RecordPayment(string invoiceId, PaymentDetails payment) => new(InvoiceId: invoiceId, Payment: payment);
}
