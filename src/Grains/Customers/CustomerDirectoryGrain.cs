using Mimo.Grains.Interfaces.Customers;
using Orleans.Concurrency;

namespace Mimo.Grains.Customers;

/// <summary>Answers directory queries on whichever silo takes the call; it holds no state.</summary>
[StatelessWorker]
[GrainType("customer-directory")]
internal sealed class CustomerDirectoryGrain(ICustomerDirectory directory) : Grain, ICustomerDirectoryGrain
{
    public Task<DirectoryPage> QueryAsync(string tenantId, DirectoryQuery query) =>
        directory.QueryAsync(tenantId, query, CancellationToken.None);
}
