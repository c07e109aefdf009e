namespace Mimo.Grains.Interfaces.Email;

/// <summary>An email address with an optional display name.</summary>
[GenerateSerializer, Immutable, Alias("mimo.EmailAddress")]
public sealed record EmailAddress(
    [property: Id(0)] string Address,
    [property: Id(1)] string? Name = null);

/// <summary>
/// A rendered email, ready to be composed into MIME and sent. <see cref="MessageId"/> is derived
/// from what the email is for, so a retry is recognisably the same email.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.OutgoingEmail")]
public sealed record OutgoingEmail(
    [property: Id(0)] string MessageId,
    [property: Id(1)] EmailAddress From,
    [property: Id(2)] EmailAddress? ReplyTo,
    [property: Id(3)] IReadOnlyList<EmailAddress> To,
    [property: Id(4)] string Subject,
    [property: Id(5)] string Html,
    [property: Id(6)] string Text);

[GenerateSerializer, Alias("mimo.DeliveryStatus")]
public enum DeliveryStatus
{
    /// <summary>The SMTP server accepted the message (or it was written to the pickup folder).</summary>
    Sent = 0,

    /// <summary>It may work later: a 4xx answer, no connection, a timeout.</summary>
    TransientFailure = 1,

    /// <summary>It will not work as it is: a 5xx answer. <see cref="DeliveryOutcome.RejectedAddresses"/> names refused recipients.</summary>
    PermanentFailure = 2,
}

/// <summary>How one attempt to deliver an email ended.</summary>
[GenerateSerializer, Immutable, Alias("mimo.DeliveryOutcome")]
public sealed record DeliveryOutcome(
    [property: Id(0)] DeliveryStatus Status,
    [property: Id(1)] string? Reason,
    [property: Id(2)] IReadOnlyList<string> RejectedAddresses)
{
    public static DeliveryOutcome Sent { get; } = new(DeliveryStatus.Sent, null, []);

    public static DeliveryOutcome Transient(string reason) => new(DeliveryStatus.TransientFailure, reason, []);

    public static DeliveryOutcome Permanent(string reason, IReadOnlyList<string>? rejected = null) =>
        new(DeliveryStatus.PermanentFailure, reason, rejected ?? []);
}

/// <summary>
/// The customer's answer right before an email goes: the email as it must be sent now, or the
/// reason it must not go any more (paid since, on hold, paused…).
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.PreparedDelivery")]
public sealed record PreparedDelivery(
    [property: Id(0)] OutgoingEmail? Email,
    [property: Id(1)] string? SkipReason);

/// <summary>A request to deliver one email of a customer's outbox.</summary>
[GenerateSerializer, Immutable, Alias("mimo.DeliveryRequest")]
public sealed record DeliveryRequest(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] string MessageId);
