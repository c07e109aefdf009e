using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Customers;
using Npgsql;

namespace Mimo.Silo.Postgres;

// PLACEHOLDER: replaced by the database work.
public sealed class PostgresInvoiceArchive(NpgsqlDataSource dataSource) : IInvoiceArchive
{
    private readonly NpgsqlDataSource _dataSource = dataSource;

    public Task SaveAsync(string tenantId, string customerId, InvoiceView invoice, CancellationToken cancellationToken) =>
        throw new NotImplementedException(_dataSource.ToString());

    public Task<InvoiceView?> FindAsync(
        string tenantId,
        string customerId,
        string invoiceId,
        CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task RemoveCustomerAsync(string tenantId, string customerId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
