namespace Mimo.Grains.Interfaces.Activity;

/// <summary>
/// Reads customers' activity logs from the read model, wherever the silo keeps it, so that API
/// processes in client mode need no database access of their own.
/// </summary>
[Alias("mimo.IActivityLogGrain")]
public interface IActivityLogGrain : IGrainWithIntegerKey
{
    [Alias("QueryAsync")]
    Task<ActivityPage> QueryAsync(string tenantId, string customerId, int limit, ActivityCursor? before);
}
