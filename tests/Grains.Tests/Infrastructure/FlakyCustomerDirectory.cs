using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Tests.Infrastructure;

/// <summary>An in-memory directory that can be told to fail its next writes, as a database outage would.</summary>
public sealed class FlakyCustomerDirectory : ICustomerDirectory
{
    private readonly InMemoryCustomerDirectory _inner = new();
    private readonly Lock _gate = new();
    private readonly List<(string CustomerId, TaskCompletionSource Done)> _waiters = [];
    private int _failuresLeft;
    private TaskCompletionSource _nextFailure = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void FailNextWrites(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    /// <summary>Completes when a write next fails.</summary>
    public Task NextFailureAsync()
    {
        lock (_gate)
        {
            return _nextFailure.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>Completes when a write for <paramref name="customerId"/> next succeeds.</summary>
    public Task NextWriteAsync(string customerId)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((customerId, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task UpsertAsync(string tenantId, CustomerSummary summary, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        await _inner.UpsertAsync(tenantId, summary, cancellationToken);
        Written(summary.Id);
    }

    public async Task RemoveAsync(string tenantId, string customerId, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        await _inner.RemoveAsync(tenantId, customerId, cancellationToken);
        Written(customerId);
    }

    public Task<DirectoryPage> QueryAsync(string tenantId, DirectoryQuery query, CancellationToken cancellationToken) =>
        _inner.QueryAsync(tenantId, query, cancellationToken);

    private void ThrowIfFailing()
    {
        if (Interlocked.Decrement(ref _failuresLeft) < 0)
        {
            return;
        }

        lock (_gate)
        {
            _nextFailure.TrySetResult();
            _nextFailure = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        throw new TimeoutException("The directory is down (test).");
    }

    private void Written(string customerId)
    {
        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.CustomerId == customerId).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }
}
