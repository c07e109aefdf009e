namespace Mimo.Grains.Interfaces.Customers;

/// <summary>
/// A reminder a person sends now: chosen invoices (null: all open ones not on hold) in one email,
/// with a template (null: the tenant's <c>default</c>), and optionally a subject and a message typed
/// for this send.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.ManualReminder")]
public sealed record ManualReminder(
    [property: Id(0)] IReadOnlyList<string>? InvoiceIds,
    [property: Id(1)] string? TemplateId,
    [property: Id(2)] string? Subject,
    [property: Id(3)] string? Message);

/// <summary>
/// Who asked for a manual reminder: <see cref="Key"/> identifies the request (the client's
/// Idempotency-Key, or a fresh id), <see cref="Fingerprint"/> its content, so that a repeat is
/// answered as the first time and a different request under the same key is refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.ManualRequest")]
public sealed record ManualRequest(
    [property: Id(0)] string Key,
    [property: Id(1)] string Fingerprint);

/// <summary>A manual reminder accepted for delivery: its Message-ID and the invoices it lists.</summary>
[GenerateSerializer, Immutable, Alias("mimo.ManualSendResult")]
public sealed record ManualSendResult(
    [property: Id(0)] string MessageId,
    [property: Id(1)] IReadOnlyList<string> InvoiceIds);
