using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Customers;

/// <summary>
/// The customer directory read model. Customer grains write their summary through on every change;
/// lists, filters and "which customers does this change affect" are answered from here.
/// </summary>
public interface ICustomerDirectory
{
    Task UpsertAsync(string tenantId, CustomerSummary summary, CancellationToken cancellationToken);

    Task RemoveAsync(string tenantId, string customerId, CancellationToken cancellationToken);

    Task<DirectoryPage> QueryAsync(string tenantId, DirectoryQuery query, CancellationToken cancellationToken);
}
