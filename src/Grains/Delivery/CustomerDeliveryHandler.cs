using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Email;
using Mimo.Grains.Telemetry;

namespace Mimo.Grains.Delivery;

/// <summary>
/// Delivers one email of a customer's outbox: asks the customer for it (the stop rules are checked
/// then), sends it, and reports the outcome back. If the report cannot be made, the customer hands
/// the email over again after its report deadline, so it may arrive twice, with the same Message-ID.
/// </summary>
public sealed partial class CustomerDeliveryHandler(
    IGrainFactory grains,
    IEmailTransport transport,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<CustomerDeliveryHandler> logger) : IDeliveryHandler
{
    public async Task HandleAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        var customer = grains.GetGrain<ICustomerGrain>(CustomerKey.Format(request.TenantId, request.CustomerId));
        var prepared = await customer.PrepareDeliveryAsync(request.MessageId);
        if (prepared.Email is null)
        {
            MimoActivities.Skipped();
            LogNotSent(logger, request.TenantId, request.CustomerId, request.MessageId, prepared.SkipReason);
            return;
        }

        using var message = EmailComposer.Compose(prepared.Email, clock.GetUtcNow());
        var outcome = await transport.SendAsync(message, cancellationToken);
        MimoActivities.Delivered(outcome.Status);
        await customer.CompleteDeliveryAsync(request.MessageId, outcome);
    }

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "Email {MessageId} of customer {TenantId}/{CustomerId} not sent: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string tenantId, string customerId, string messageId, string? reason);
}
