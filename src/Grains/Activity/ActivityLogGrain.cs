using Mimo.Grains.Interfaces.Activity;
using Orleans.Concurrency;

namespace Mimo.Grains.Activity;

/// <summary>Answers activity queries on whichever silo takes the call; it holds no state.</summary>
[StatelessWorker]
[GrainType("activity-log")]
internal sealed class ActivityLogGrain(IActivityLog log) : Grain, IActivityLogGrain
{
    public Task<ActivityPage> QueryAsync(string tenantId, string customerId, int limit, ActivityCursor? before) =>
        log.QueryAsync(tenantId, customerId, limit, before, CancellationToken.None);
}
