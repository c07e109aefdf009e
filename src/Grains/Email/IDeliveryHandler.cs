using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Email;

/// <summary>
/// Delivers one queued email: the <see cref="DeliveryQueue"/> calls it for each request, up to
/// <see cref="SmtpOptions.MaxDeliveriesInFlight"/> at once. Registered by the host, not by
/// <see cref="EmailServiceCollectionExtensions.AddMimoEmail"/>.
/// </summary>
public interface IDeliveryHandler
{
    /// <summary>
    /// Handles <paramref name="request"/> to the end, retries and failures included: an exception
    /// is logged by the queue and the request is not tried again by it.
    /// </summary>
    /// <param name="cancellationToken">Cancelled only when the host gives up waiting at shutdown.</param>
    Task HandleAsync(DeliveryRequest request, CancellationToken cancellationToken);
}
