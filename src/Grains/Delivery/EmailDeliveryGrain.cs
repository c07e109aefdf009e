using Microsoft.Extensions.Logging;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Email;
using Orleans.Concurrency;

namespace Mimo.Grains.Delivery;

/// <summary>
/// Puts emails into this silo's <see cref="DeliveryQueue"/> and returns: a customer's call is placed
/// on its own silo and never waits for SMTP.
/// </summary>
[StatelessWorker]
[GrainType("email-delivery")]
internal sealed partial class EmailDeliveryGrain(DeliveryQueue queue, ILogger<EmailDeliveryGrain> logger)
    : Grain, IEmailDeliveryGrain
{
    public Task EnqueueAsync(DeliveryRequest request)
    {
        if (!queue.TryEnqueue(request))
        {
            LogNotQueued(logger, request.TenantId, request.CustomerId, request.MessageId);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Email {MessageId} of customer {TenantId}/{CustomerId} not queued: the silo is stopping; it is handed over again later")]
    private static partial void LogNotQueued(ILogger logger, string tenantId, string customerId, string messageId);
}
