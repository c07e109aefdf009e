using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Interfaces.Customers;

/// <summary>What a tenant sends to create or replace an invoice.</summary>
[GenerateSerializer, Immutable, Alias("mimo.InvoiceDetails")]
public sealed record InvoiceDetails(
    [property: Id(0)] string Number,
    [property: Id(1)] DateOnly IssueDate,
    [property: Id(2)] DateOnly DueDate,
    [property: Id(3)] string Currency,
    [property: Id(4)] decimal Amount,
    [property: Id(5)] string? PaymentUrl);

/// <summary>A payment against one invoice.</summary>
[GenerateSerializer, Immutable, Alias("mimo.PaymentDetails")]
public sealed record PaymentDetails(
    [property: Id(0)] decimal Amount,
    [property: Id(1)] DateOnly PaidOn,
    [property: Id(2)] string? Reference);

/// <summary>Why and until when an invoice is not chased.</summary>
[GenerateSerializer, Immutable, Alias("mimo.InvoiceHold")]
public sealed record InvoiceHold(
    [property: Id(0)] HoldReason Reason,
    [property: Id(1)] DateOnly? Until,
    [property: Id(2)] DateTimeOffset PlacedAt);

/// <summary>The invoice resource.</summary>
[GenerateSerializer, Immutable, Alias("mimo.InvoiceView")]
public sealed record InvoiceView(
    [property: Id(0)] string Id,
    [property: Id(1)] InvoiceDetails Details,
    [property: Id(2)] decimal AmountPaid,
    [property: Id(3)] decimal AmountDue,
    [property: Id(4)] InvoiceStatus Status,
    [property: Id(5)] InvoiceHold? Hold,
    [property: Id(6)] IReadOnlyList<PaymentDetails> Payments,
    [property: Id(7)] DateOnly? ClosedOn);
