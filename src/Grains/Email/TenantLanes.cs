using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Email;

/// <summary>
/// Waiting deliveries, one FIFO lane per tenant, taken round-robin across tenants and within each
/// tenant's rate. A tenant with thousands waiting delays another tenant's email by at most one
/// turn per busy tenant. Not thread-safe: the <see cref="DeliveryQueue"/> holds its lock.
/// </summary>
internal sealed class TenantLanes(double ratePerSecond, TimeProvider timeProvider)
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Queue<string> _turns = new();
    private readonly HashSet<DeliveryRequest> _waiting = [];

    /// <summary>How many deliveries are waiting.</summary>
    public int Count => _waiting.Count;

    /// <summary>Adds a request unless the same one is already waiting.</summary>
    public bool Add(DeliveryRequest request)
    {
        if (!_waiting.Add(request))
        {
            return false;
        }

        if (!_lanes.TryGetValue(request.TenantId, out var lane))
        {
            lane = new Lane(new TokenBucket(ratePerSecond, timeProvider));
            _lanes[request.TenantId] = lane;
        }

        if (lane.Waiting.Count == 0)
        {
            _turns.Enqueue(request.TenantId);
        }

        lane.Waiting.Enqueue(request);
        return true;
    }

    /// <summary>
    /// Takes the next request in turn whose tenant is within its rate; otherwise says how long
    /// until one is (<see cref="Timeout.InfiniteTimeSpan"/> when nothing waits).
    /// </summary>
    public bool TryTake(out DeliveryRequest? request, out TimeSpan wait)
    {
        wait = Timeout.InfiniteTimeSpan;
        for (var turns = _turns.Count; turns > 0; turns--)
        {
            var tenantId = _turns.Dequeue();
            var lane = _lanes[tenantId];
            if (lane.Bucket.TryTake())
            {
                request = Take(tenantId, lane);
                return true;
            }

            _turns.Enqueue(tenantId);
            wait = Shorter(wait, lane.Bucket.UntilNextToken());
        }

        request = null;
        return false;
    }

    private DeliveryRequest Take(string tenantId, Lane lane)
    {
        var request = lane.Waiting.Dequeue();
        _waiting.Remove(request);
        if (lane.Waiting.Count > 0)
        {
            _turns.Enqueue(tenantId);
        }
        else if (_turns.Count == 0)
        {
            ForgetIdleTenants();
        }

        return request;
    }

    // An idle tenant whose bucket refilled is no different from a new one: drop it.
    private void ForgetIdleTenants()
    {
        var idle = _lanes
            .Where(l => l.Value.Waiting.Count == 0 && l.Value.Bucket.IsFull)
            .Select(l => l.Key)
            .ToList();
        foreach (var tenantId in idle)
        {
            _lanes.Remove(tenantId);
        }
    }

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a == Timeout.InfiniteTimeSpan || b < a ? b : a;

    private sealed class Lane(TokenBucket bucket)
    {
        public TokenBucket Bucket { get; } = bucket;

        public Queue<DeliveryRequest> Waiting { get; } = new();
    }
}
