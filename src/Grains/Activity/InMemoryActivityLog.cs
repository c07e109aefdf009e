using System.Collections.Concurrent;
using Mimo.Grains.Interfaces.Activity;

namespace Mimo.Grains.Activity;

/// <summary>
/// The activity log of the embedded default, in this process. Each customer keeps only its
/// <see cref="EntriesPerCustomer"/> newest entries, so that a process running for months cannot
/// grow without limit; older ones are forgotten, which the embedded default accepts.
/// </summary>
public sealed class InMemoryActivityLog : IActivityLog
{
    /// <summary>How many of each customer's newest entries are kept.</summary>
    public const int EntriesPerCustomer = 1_000;

    private readonly ConcurrentDictionary<(string TenantId, string CustomerId), CustomerActivity> _customers = new();

    public Task AppendAsync(
        string tenantId,
        string customerId,
        IReadOnlyList<ActivityEntry> entries,
        CancellationToken cancellationToken)
    {
        _customers.GetOrAdd((tenantId, customerId), _ => new CustomerActivity()).Append(entries);
        return Task.CompletedTask;
    }

    public Task<ActivityPage> QueryAsync(
        string tenantId,
        string customerId,
        int limit,
        ActivityCursor? before,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (!_customers.TryGetValue((tenantId, customerId), out var activity))
        {
            return Task.FromResult(new ActivityPage([], null));
        }

        var rows = activity.Read(before is null ? null : before with { At = Stored(before.At) }, limit + 1);

        var next = rows.Count > limit ? new ActivityCursor(rows[limit - 1].At, rows[limit - 1].Id) : null;
        return Task.FromResult(new ActivityPage(rows.Take(limit).ToList(), next));
    }

    public Task RemoveCustomerAsync(string tenantId, string customerId, CancellationToken cancellationToken)
    {
        _customers.TryRemove((tenantId, customerId), out _);
        return Task.CompletedTask;
    }

    /// <summary>An instant as PostgreSQL would give it back: in UTC, cut to the microsecond.</summary>
    private static DateTimeOffset Stored(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>One customer's newest entries, newest first, and the ids among them.</summary>
    private sealed class CustomerActivity
    {
        private readonly Lock _gate = new();
        private readonly SortedSet<ActivityEntry> _newestFirst = new(Comparer<ActivityEntry>.Create(NewestFirst));
        private readonly HashSet<Guid> _ids = [];

        public void Append(IEnumerable<ActivityEntry> entries)
        {
            lock (_gate)
            {
                foreach (var entry in entries.Where(e => _ids.Add(e.Id)))
                {
                    _newestFirst.Add(entry with { At = Stored(entry.At) });
                }

                // A forgotten entry's id goes too: written again, it is the oldest and leaves at once.
                while (_newestFirst.Count > EntriesPerCustomer)
                {
                    var oldest = _newestFirst.Max!;
                    _newestFirst.Remove(oldest);
                    _ids.Remove(oldest.Id);
                }
            }
        }

        public List<ActivityEntry> Read(ActivityCursor? before, int count)
        {
            lock (_gate)
            {
                return _newestFirst
                    .SkipWhile(e => before is not null && !IsOlder(e, before))
                    .Take(count)
                    .ToList();
            }
        }

        private static bool IsOlder(ActivityEntry entry, ActivityCursor cursor) =>
            entry.At < cursor.At || (entry.At == cursor.At && entry.Id.CompareTo(cursor.Id) < 0);

        /// <remarks>
        /// <see cref="Guid.CompareTo(Guid)"/> orders ids as their text does, which is how PostgreSQL
        /// orders uuids, so ties on the instant break the same way in both logs.
        /// </remarks>
        private static int NewestFirst(ActivityEntry x, ActivityEntry y)
        {
            var byInstant = y.At.CompareTo(x.At);
            return byInstant != 0 ? byInstant : y.Id.CompareTo(x.Id);
        }
    }
}
