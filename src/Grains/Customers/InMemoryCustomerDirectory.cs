using System.Collections.Concurrent;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Customers;

/// <summary>The customer directory of the embedded default: one sorted map per tenant, in this process.</summary>
public sealed class InMemoryCustomerDirectory : ICustomerDirectory
{
    private readonly ConcurrentDictionary<string, SortedDictionary<string, CustomerSummary>> _tenants = new();

    public Task UpsertAsync(string tenantId, CustomerSummary summary, CancellationToken cancellationToken)
    {
        var customers = _tenants.GetOrAdd(tenantId, _ => new SortedDictionary<string, CustomerSummary>(StringComparer.Ordinal));
        lock (customers)
        {
            // Like the PostgreSQL directory: a write older than the stored row arrived late and is dropped.
            if (!customers.TryGetValue(summary.Id, out var stored) || stored.UpdatedAt <= summary.UpdatedAt)
            {
                customers[summary.Id] = summary;
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(string tenantId, string customerId, CancellationToken cancellationToken)
    {
        if (_tenants.TryGetValue(tenantId, out var customers))
        {
            lock (customers)
            {
                customers.Remove(customerId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<DirectoryPage> QueryAsync(string tenantId, DirectoryQuery query, CancellationToken cancellationToken)
    {
        if (!_tenants.TryGetValue(tenantId, out var customers))
        {
            return Task.FromResult(new DirectoryPage([], null));
        }

        List<CustomerSummary> page;
        lock (customers)
        {
            page = customers.Values
                .Where(c => query.AfterCustomerId is null || string.CompareOrdinal(c.Id, query.AfterCustomerId) > 0)
                .Where(c => DirectoryFilter.Matches(c, query))
                .Take(query.Limit + 1)
                .ToList();
        }

        var next = page.Count > query.Limit ? page[query.Limit - 1].Id : null;
        return Task.FromResult(new DirectoryPage(page.Take(query.Limit).ToList(), next));
    }
}
