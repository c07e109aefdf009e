namespace Mimo.Api.Reminders;

/// <summary>How one customer of a batch fared.</summary>
public enum BatchItemStatus
{
    /// <summary>The email is queued for delivery.</summary>
    Accepted,

    /// <summary>Nothing was sent: an invoice that is not open, nothing to remind of, no address left.</summary>
    Rejected,

    /// <summary>The tenant has no such customer.</summary>
    NotFound,

    /// <summary>The service could not complete this item; send the batch again with the same Idempotency-Key.</summary>
    Failed,
}

/// <summary>
/// One customer's result, in the order of the items. <see cref="Field"/> names the request field
/// a rejection is about, e.g. <c>items[3].invoiceIds[0]</c>.
/// </summary>
public sealed record BatchItemResult(
    string CustomerId,
    BatchItemStatus Status,
    string? MessageId,
    IReadOnlyList<string>? InvoiceIds,
    string? Error,
    string? Field);

/// <summary>The answer to a batch: one result per item, in the order of the items.</summary>
public sealed record ManualBatchResponse(IReadOnlyList<BatchItemResult> Results);
