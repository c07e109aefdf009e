namespace Mimo.Grains.Customers;

/// <summary>
/// Keeps the read models (the directory row and the activity log) in step with the grain state. A state change that was written is
/// acknowledged even when the read model cannot be reached: the directory row (or its removal)
/// is then retried on a timer that keeps the grain active until it succeeds, and tried once more
/// if the grain is deactivated first.
/// </summary>
internal sealed partial class CustomerGrain
{
    private static readonly TimeSpan PublishRetryDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? _publishRetry;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        UncountOutbox();
        if (_publishRetry is not null)
        {
            await TryPublishAsync();
        }
    }

    /// <summary>Publishes the current state; false when it failed and a retry is scheduled.</summary>
    private async Task<bool> PublishAsync()
    {
        if (await TryPublishAsync())
        {
            _publishRetry?.Dispose();
            _publishRetry = null;
            return true;
        }

        _publishRetry ??= this.RegisterGrainTimer(
            RetryPublishAsync,
            new GrainTimerCreationOptions(PublishRetryDelay, PublishRetryDelay) { KeepAlive = true });
        return false;
    }

    /// <summary>
    /// Appends the activity entries written with the state. They stay in the stored state until the
    /// next write, so they may be appended again after a reactivation, which the log ignores.
    /// </summary>
    private async Task AppendActivityAsync()
    {
        if (Customer.PendingActivity.Count == 0)
        {
            return;
        }

        await activityLog.AppendAsync(_tenantId, _customerId, Customer.PendingActivity.ToList(), CancellationToken.None);
        Customer.PendingActivity.Clear();
    }

    private Task RetryPublishAsync(CancellationToken cancellationToken) => PublishAsync();

    private async Task<bool> TryPublishAsync()
    {
        try
        {
            if (Customer.Exists)
            {
                await directory.UpsertAsync(_tenantId, ToSummary(), CancellationToken.None);
                await AppendActivityAsync();
            }
            else
            {
                await directory.RemoveAsync(_tenantId, _customerId, CancellationToken.None);
                await archive.RemoveCustomerAsync(_tenantId, _customerId, CancellationToken.None);
                await activityLog.RemoveCustomerAsync(_tenantId, _customerId, CancellationToken.None);
            }

            return true;
        }
        catch (Exception exception)
        {
            // Whatever the read model's failure, the acknowledged state change must stand.
            LogPublishFailed(logger, exception, _tenantId, _customerId, PublishRetryDelay.TotalSeconds);
            return false;
        }
    }
}
