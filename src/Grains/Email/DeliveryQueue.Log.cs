using Microsoft.Extensions.Logging;

namespace Mimo.Grains.Email;

public sealed partial class DeliveryQueue
{
    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "Email {MessageId} of customer {CustomerId} of tenant {TenantId} is already waiting")]
    private static partial void LogAlreadyWaiting(
        ILogger logger,
        string tenantId,
        string customerId,
        string messageId);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Delivering email {MessageId} of customer {CustomerId} of tenant {TenantId} failed")]
    private static partial void LogHandlerFailed(
        ILogger logger,
        Exception exception,
        string tenantId,
        string customerId,
        string messageId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Delivery queue stopping; {Waiting} emails still waiting are left to their outboxes")]
    private static partial void LogStopping(ILogger logger, int waiting);
}
