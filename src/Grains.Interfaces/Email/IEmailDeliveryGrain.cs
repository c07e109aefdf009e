using Orleans.Concurrency;

namespace Mimo.Grains.Interfaces.Email;

/// <summary>
/// Takes emails to deliver. It only queues them in its silo's delivery queue and returns at once:
/// SMTP never runs inside the caller's turn (a reminder tick has a time limit). The queue asks the
/// customer for the email right before sending and reports the outcome back to it.
/// </summary>
[Alias("mimo.IEmailDeliveryGrain")]
public interface IEmailDeliveryGrain : IGrainWithIntegerKey
{
    [OneWay]
    [Alias("EnqueueAsync")]
    Task EnqueueAsync(DeliveryRequest request);
}
