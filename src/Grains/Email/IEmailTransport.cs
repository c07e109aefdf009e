using MimeKit;
using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Email;

/// <summary>Hands a composed email to whatever delivers it.</summary>
public interface IEmailTransport
{
    /// <summary>
    /// Tries once to deliver <paramref name="message"/> and says how it ended. Delivery failures are
    /// outcomes, not exceptions; only <paramref name="cancellationToken"/> makes this throw.
    /// </summary>
    Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
