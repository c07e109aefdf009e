using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Customers;
using Npgsql;

namespace Mimo.Silo.Postgres;

// PLACEHOLDER: replaced by the database work.
public sealed class PostgresCustomerDirectory(NpgsqlDataSource dataSource) : ICustomerDirectory
{
    private readonly NpgsqlDataSource _dataSource = dataSource;

    public Task UpsertAsync(string tenantId, CustomerSummary summary, CancellationToken cancellationToken) =>
        throw new NotImplementedException(_dataSource.ToString());

    public Task RemoveAsync(string tenantId, string customerId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task<DirectoryPage> QueryAsync(string tenantId, DirectoryQuery query, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
