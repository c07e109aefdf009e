using System.Collections.Concurrent;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Customers;

/// <summary>The invoice archive of the embedded default, in this process.</summary>
public sealed class InMemoryInvoiceArchive : IInvoiceArchive
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, InvoiceView>> _customers = new();

    public Task SaveAsync(string tenantId, string customerId, InvoiceView invoice, CancellationToken cancellationToken)
    {
        var invoices = _customers.GetOrAdd(CustomerKey.Format(tenantId, customerId), _ => new());
        invoices[invoice.Id] = invoice;
        return Task.CompletedTask;
    }

    public Task<InvoiceView?> FindAsync(
        string tenantId,
        string customerId,
        string invoiceId,
        CancellationToken cancellationToken)
    {
        var found = _customers.TryGetValue(CustomerKey.Format(tenantId, customerId), out var invoices)
            && invoices.TryGetValue(invoiceId, out var invoice)
            ? invoice
            : null;
        return Task.FromResult(found);
    }

    public Task RemoveCustomerAsync(string tenantId, string customerId, CancellationToken cancellationToken)
    {
        _customers.TryRemove(CustomerKey.Format(tenantId, customerId), out _);
        return Task.CompletedTask;
    }
}
