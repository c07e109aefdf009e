using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Customers;

/// <summary>
/// Closed (paid or void) invoices. They leave the customer grain's state when they close, so that
/// the state of a customer with years of history stays small; they remain readable from here.
/// </summary>
public interface IInvoiceArchive
{
    Task SaveAsync(string tenantId, string customerId, InvoiceView invoice, CancellationToken cancellationToken);

    Task<InvoiceView?> FindAsync(
        string tenantId,
        string customerId,
        string invoiceId,
        CancellationToken cancellationToken);

    Task RemoveCustomerAsync(string tenantId, string customerId, CancellationToken cancellationToken);
}
