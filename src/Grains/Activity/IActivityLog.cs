using Mimo.Grains.Interfaces.Activity;

namespace Mimo.Grains.Activity;

/// <summary>
/// The customer activity log read model: every reminder sent, skipped, failed or being retried.
/// Customer grains append to it; <c>GET /v1/customers/{id}/activity</c> pages through it newest first.
/// Instants are kept to the microsecond, as PostgreSQL keeps them, and come back in UTC.
/// </summary>
public interface IActivityLog
{
    /// <summary>
    /// Stores the entries whose <see cref="ActivityEntry.Id"/> this customer has not stored yet and
    /// ignores the others, so a grain may safely write the same entries again after a failure.
    /// </summary>
    Task AppendAsync(
        string tenantId,
        string customerId,
        IReadOnlyList<ActivityEntry> entries,
        CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> (at least 1) entries ordered by <see cref="ActivityEntry.At"/>
    /// then <see cref="ActivityEntry.Id"/>, both descending, and strictly older than
    /// <paramref name="before"/> when it is given. The page's cursor is null when nothing older is left.
    /// </summary>
    Task<ActivityPage> QueryAsync(
        string tenantId,
        string customerId,
        int limit,
        ActivityCursor? before,
        CancellationToken cancellationToken);

    Task RemoveCustomerAsync(string tenantId, string customerId, CancellationToken cancellationToken);
}
