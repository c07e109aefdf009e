using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Reminders;

/// <summary>
/// Sends the items of a batch, many customers at a time, and reports each customer on its own:
/// one customer's problem, even an exception, never stops the others.
/// </summary>
public sealed partial class ManualBatchSender(IGrainFactory grains, ILogger<ManualBatchSender> logger)
{
    /// <summary>How many customers of one batch are sent to at the same time.</summary>
    public const int MaxParallelSends = 64;

    /// <summary>One result per item, in the order of the items, once every item is done.</summary>
    public async Task<IReadOnlyList<BatchItemResult>> SendAsync(
        string tenantId,
        ManualBatchRequest batch,
        string? clientKey)
    {
        var results = new BatchItemResult[batch.Items!.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelSends };

        // Not cancelled when the client goes away: a batch that was started is finished, so that no
        // customer is left half-done; a client that retries with its Idempotency-Key gets the results.
        await Parallel.ForEachAsync(
            Enumerable.Range(0, results.Length),
            parallel,
            async (index, _) => results[index] = await SendOneAsync(tenantId, batch, index, clientKey));

        LogBatchSent(logger, tenantId, results.Count(r => r.Status == BatchItemStatus.Accepted), results.Length);
        return results;
    }

    private async Task<BatchItemResult> SendOneAsync(
        string tenantId,
        ManualBatchRequest batch,
        int index,
        string? clientKey)
    {
        var customerId = batch.Items![index]!.CustomerId!;
        var reminder = batch.ReminderFor(index);
        var customer = grains.GetGrain<ICustomerGrain>(CustomerKey.Format(tenantId, customerId));
        try
        {
            var request = ManualRequests.ForBatchItem(clientKey, customerId, reminder);
            return ResultOf(customerId, index, await customer.SendManualAsync(reminder, request));
        }
        catch (Exception exception) when (ServiceUnavailable.Is(exception))
        {
            return Failed(
                customerId,
                "The service was temporarily unavailable: send the batch again with the same Idempotency-Key.");
        }
        catch (Exception exception)
        {
            LogItemFailed(logger, exception, tenantId, customerId);
            return Failed(customerId, "The reminder could not be sent because of an internal error; it was logged.");
        }
    }

    private static BatchItemResult ResultOf(string customerId, int index, GrainResult<ManualSendResult> result) =>
        result.Status switch
        {
            ResultStatus.Created or ResultStatus.Ok =>
                new(customerId, BatchItemStatus.Accepted, result.Value!.MessageId, result.Value.InvoiceIds, null, null),
            ResultStatus.NotFound =>
                new(customerId, BatchItemStatus.NotFound, null, null, "There is no such customer.", null),
            _ => new(customerId, BatchItemStatus.Rejected, null, null, result.Error, FieldOf(index, result.Field)),
        };

    /// <summary>The request field a refusal is about: the batch's templateId, or a field of the item.</summary>
    private static string? FieldOf(int index, string? field) => field switch
    {
        null => null,
        "templateId" => field,
        _ => $"items[{index}].{field}",
    };

    private static BatchItemResult Failed(string customerId, string error) =>
        new(customerId, BatchItemStatus.Failed, null, null, error, null);
}
