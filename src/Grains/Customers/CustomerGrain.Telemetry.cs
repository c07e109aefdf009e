namespace Mimo.Grains.Customers;

/// <summary>
/// The customer's share of <c>mimo.outbox.pending</c>. It follows the outbox as written: the
/// activation adds its outbox when it starts, each write adds what the outbox gained or lost since,
/// and deactivation takes back all it added. An outbox change that was never written (the write
/// failed, and the activation is dropped) is never counted.
/// </summary>
internal sealed partial class CustomerGrain
{
    /// <summary>How many of this customer's outbox emails this activation has counted.</summary>
    private int _outboxCounted;

    private void CountOutbox()
    {
        var delta = Customer.Outbox.Count - _outboxCounted;
        if (delta != 0)
        {
            metrics.OutboxChanged(_tenantId, delta);
            _outboxCounted += delta;
        }
    }

    private void UncountOutbox()
    {
        if (_outboxCounted != 0)
        {
            metrics.OutboxChanged(_tenantId, -_outboxCounted);
            _outboxCounted = 0;
        }
    }
}
