using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Customers;

/// <summary>One invoice's step in an email of the outbox.</summary>
[GenerateSerializer, Immutable, Alias("mimo.OutboxItem")]
public sealed record OutboxItem(
    [property: Id(0)] string InvoiceId,
    [property: Id(1)] string StepKey);

/// <summary>
/// An email the customer decided to send and has not yet seen delivered. It stays in the state
/// until delivery reports success or a final failure, so a silo that stops between deciding and
/// sending loses nothing: the customer hands it to delivery again when <see cref="NextAttemptAt"/> passes.
/// <see cref="HandedOver"/> is true from handing it to delivery until a retry is scheduled;
/// <see cref="Band"/> is the payer band a smart email was planned for.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.OutboxEmail")]
public sealed record OutboxEmail(
    [property: Id(0)] string MessageId,
    [property: Id(1)] ReminderSource Source,
    [property: Id(2)] IReadOnlyList<OutboxItem> Items,
    [property: Id(3)] string StepName,
    [property: Id(4)] string TemplateId,
    [property: Id(5)] string? WorkflowId,
    [property: Id(6)] DateTimeOffset QueuedAt,
    [property: Id(7)] int Attempts,
    [property: Id(8)] DateTimeOffset NextAttemptAt,
    [property: Id(9)] string? LastError = null,
    [property: Id(10)] string? Subject = null,
    [property: Id(11)] string? Message = null,
    [property: Id(12)] bool HandedOver = false,
    [property: Id(13)] PayerBand? Band = null)
{
    public IReadOnlyList<string> InvoiceIds => Items.Select(i => i.InvoiceId).ToList();
}

/// <summary>An (invoice, step) pair that was queued or sent, with the step's offset: never again, nor anything before it.</summary>
[GenerateSerializer, Immutable, Alias("mimo.SentStepRecord")]
public sealed record SentStepRecord(
    [property: Id(0)] string InvoiceId,
    [property: Id(1)] string StepKey,
    [property: Id(2)] int? OffsetDays = null);

/// <summary>A contact address the mail server refused permanently, and why.</summary>
[GenerateSerializer, Immutable, Alias("mimo.FlaggedContact")]
public sealed record FlaggedContact(
    [property: Id(0)] string Email,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset At);

/// <summary>A manual reminder request the customer answered, remembered so that a repeat sends nothing.</summary>
[GenerateSerializer, Immutable, Alias("mimo.ManualRequestRecord")]
public sealed record ManualRequestRecord(
    [property: Id(0)] string Key,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string MessageId,
    [property: Id(3)] IReadOnlyList<string> InvoiceIds,
    [property: Id(4)] DateTimeOffset At);
