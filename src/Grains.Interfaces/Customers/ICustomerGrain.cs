using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Interfaces.Customers;

/// <summary>
/// One customer of one tenant, keyed <c>"{tenantId}/{customerId}"</c> (see <see cref="CustomerKey"/>).
/// It holds the customer's details, open invoices, a compact paid history and reminder settings.
/// Commands that find no customer answer <see cref="ResultStatus.NotFound"/>.
/// </summary>
[Alias("mimo.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Creates the customer (<see cref="ResultStatus.Created"/>) or replaces its details.</summary>
    [Alias("UpsertAsync")]
    Task<GrainResult<CustomerView>> UpsertAsync(CustomerDetails details);

    /// <summary>The customer, or null when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<CustomerView?> GetAsync();

    /// <summary>Deletes the customer, its invoices and its reminders; false when there was none.</summary>
    [Alias("DeleteAsync")]
    Task<bool> DeleteAsync();

    /// <summary>Creates or replaces an open invoice; a paid or void invoice answers Conflict.</summary>
    [Alias("UpsertInvoiceAsync")]
    Task<GrainResult<InvoiceView>> UpsertInvoiceAsync(string invoiceId, InvoiceDetails details);

    [Alias("GetInvoiceAsync")]
    Task<GrainResult<InvoiceView>> GetInvoiceAsync(string invoiceId);

    /// <summary>
    /// Records a payment. A payment of the whole balance closes the invoice; a payment larger
    /// than the amount due is Invalid; a repeated payment reference is recognised and not counted twice.
    /// </summary>
    [Alias("RecordPaymentAsync")]
    Task<GrainResult<InvoiceView>> RecordPaymentAsync(string invoiceId, PaymentDetails payment);

    [Alias("VoidInvoiceAsync")]
    Task<GrainResult<InvoiceView>> VoidInvoiceAsync(string invoiceId);

    [Alias("PlaceHoldAsync")]
    Task<GrainResult<InvoiceView>> PlaceHoldAsync(string invoiceId, HoldReason reason, DateOnly? until);

    [Alias("LiftHoldAsync")]
    Task<GrainResult<InvoiceView>> LiftHoldAsync(string invoiceId);
}
