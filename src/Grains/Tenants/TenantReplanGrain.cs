using Microsoft.Extensions.Logging;
using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Grains.Tenants;

/// <summary>
/// Walks a tenant's customer directory page by page and asks each customer that may have reminders
/// to re-plan, a few at a time so that a tenant with a million customers does not flood the cluster.
/// Customers explicitly set to no reminders and with nothing planned are left alone.
/// </summary>
[GrainType("tenant-replan")]
internal sealed partial class TenantReplanGrain(ICustomerDirectory directory, ILogger<TenantReplanGrain> logger)
    : Grain, ITenantReplanGrain
{
    private const int PageSize = 500;
    private const int Parallelism = 16;

    private long _requested;
    private long _completed;
    private Task? _running;

    public Task RequestAsync(long revision)
    {
        if (revision <= _requested)
        {
            return Task.CompletedTask;
        }

        _requested = revision;
        if (_running is null || _running.IsCompleted)
        {
            _running = RunAsync();
        }

        return Task.CompletedTask;
    }

    private async Task RunAsync()
    {
        var tenantId = this.GetPrimaryKeyString();
        while (_completed < _requested)
        {
            var revision = _requested;
            DelayDeactivation(TimeSpan.FromMinutes(10));
            var (replanned, finished) = await ReplanAllAsync(tenantId, revision);
            if (finished)
            {
                _completed = revision;
                LogReplanned(logger, tenantId, revision, replanned);
            }
        }
    }

    /// <summary>Re-plans every page; stops early (not finished) when a newer revision arrives.</summary>
    private async Task<(int Replanned, bool Finished)> ReplanAllAsync(string tenantId, long revision)
    {
        var replanned = 0;
        string? after = null;
        do
        {
            if (_requested != revision)
            {
                return (replanned, false);
            }

            var page = await directory.QueryAsync(tenantId, new DirectoryQuery(null, null, null, PageSize, after), CancellationToken.None);
            var targets = page.Items.Where(MayHaveReminders).Select(c => c.Id).ToList();
            foreach (var batch in targets.Chunk(Parallelism))
            {
                await Task.WhenAll(batch.Select(id => ReplanAsync(tenantId, id)));
            }

            replanned += targets.Count;
            after = page.NextAfterCustomerId;
        }
        while (after is not null);

        return (replanned, true);
    }

    private async Task ReplanAsync(string tenantId, string customerId)
    {
        try
        {
            await GrainFactory.GetGrain<ICustomerGrain>(CustomerKey.Format(tenantId, customerId)).ReplanAsync();
        }
        catch (Exception exception)
        {
            // One customer's failure must not stop the others; it re-plans at its own next reminder anyway.
            LogCustomerFailed(logger, exception, tenantId, customerId);
        }
    }

    private static bool MayHaveReminders(CustomerSummary customer) =>
        customer.ReminderMode is not ReminderMode.None || customer.NextReminderAt is not null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-planned {Count} customers of tenant {TenantId} for settings revision {Revision}")]
    private static partial void LogReplanned(ILogger logger, string tenantId, long revision, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customer {TenantId}/{CustomerId} could not re-plan after a tenant change")]
    private static partial void LogCustomerFailed(ILogger logger, Exception exception, string tenantId, string customerId);
}
