namespace Mimo.Api.Reminders;

public sealed partial class ManualBatchSender
{
    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Manual reminder batch of tenant {TenantId}: {Accepted} of {Items} customers accepted")]
    private static partial void LogBatchSent(ILogger logger, string tenantId, int accepted, int items);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Manual reminder to customer {CustomerId} of tenant {TenantId} failed")]
    private static partial void LogItemFailed(ILogger logger, Exception exception, string tenantId, string customerId);
}
