using Mimo.Grains.Interfaces.Activity;

namespace Mimo.Grains.Activity;

/// <summary>
/// The customers' activity logs read model: every reminder sent, skipped, failed or retried.
/// Customer grains append; the API pages through a customer's entries, newest first.
/// </summary>
public interface IActivityLog
{
    /// <summary>Appends entries; an entry whose id is already stored is not stored again.</summary>
    Task AppendAsync(
        string tenantId,
        string customerId,
        IReadOnlyList<ActivityEntry> entries,
        CancellationToken cancellationToken);

    /// <summary>Entries strictly older than <paramref name="before"/>, newest first.</summary>
    Task<ActivityPage> QueryAsync(
        string tenantId,
        string customerId,
        int limit,
        ActivityCursor? before,
        CancellationToken cancellationToken);

    Task RemoveCustomerAsync(string tenantId, string customerId, CancellationToken cancellationToken);
}
