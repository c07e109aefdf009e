using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Telemetry;

/// <summary>
/// The engine's metrics, on one meter named <c>Mimo</c>. Register one instance; the methods are
/// thread-safe and cheap. Reminder counters carry the tags <c>tenant</c> and <c>source</c>
/// (<c>smart</c>, <c>workflow</c> or <c>manual</c>).
/// </summary>
/// <remarks>
/// <c>mimo.outbox.pending</c> counts the emails in the outboxes of the customers that are active
/// on this silo, as last written: an activation adds its outbox when it starts and takes it back
/// when it ends, so the sum over all silos is the cluster's outbox depth for active customers.
/// Customers that are not active (their emails wait for their next reminder) are not counted.
/// </remarks>
public sealed class MimoMetrics
{
    public const string MeterName = "Mimo";

    private readonly Counter<long> _planned;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly UpDownCounter<long> _outboxPending;
    private readonly Histogram<double> _smtpDuration;
    private Func<int>? _queueDepth;

    public MimoMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        var meter = meterFactory.Create(MeterName);
        _planned = Counter(meter, "mimo.reminders.planned", "Reminder emails decided and put into an outbox.");
        _sent = Counter(meter, "mimo.reminders.sent", "Reminder emails accepted for delivery.");
        _skipped = Counter(meter, "mimo.reminders.skipped", "Reminders not sent, with a reason.");
        _failed = Counter(meter, "mimo.reminders.failed", "Reminders that failed for good.");
        _retried = Counter(meter, "mimo.reminders.retried", "Delivery attempts to be retried.");
        _outboxPending = meter.CreateUpDownCounter<long>(
            "mimo.outbox.pending", "{email}", "Emails in the outboxes of the customers active on this silo.");
        _smtpDuration = meter.CreateHistogram<double>(
            "mimo.smtp.duration", "s", "How long one attempt to hand an email to the SMTP server took, by outcome.");
        meter.CreateObservableGauge(
            "mimo.delivery.queue_depth", ObserveQueueDepth, "{email}", "Emails waiting to be delivered.");
    }

    public void ReminderPlanned(string tenantId, string source) => _planned.Add(1, Tags(tenantId, source));

    public void ReminderSent(string tenantId, string source) => _sent.Add(1, Tags(tenantId, source));

    public void ReminderSkipped(string tenantId, string source) => _skipped.Add(1, Tags(tenantId, source));

    public void ReminderFailed(string tenantId, string source) => _failed.Add(1, Tags(tenantId, source));

    public void ReminderRetried(string tenantId, string source) => _retried.Add(1, Tags(tenantId, source));

    /// <summary>Adds <paramref name="delta"/> emails (negative: takes them away) to the tenant's outbox depth.</summary>
    public void OutboxChanged(string tenantId, int delta) =>
        _outboxPending.Add(delta, new KeyValuePair<string, object?>("tenant", tenantId));

    /// <summary>Records how long one attempt to hand an email to the SMTP server took and how it ended.</summary>
    public void SmtpAttempted(TimeSpan duration, DeliveryStatus outcome) =>
        _smtpDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("outcome", MimoActivities.Outcome(outcome)));

    /// <summary>Names what <c>mimo.delivery.queue_depth</c> reads; the delivery queue calls it once.</summary>
    public void ObserveQueueDepth(Func<int> depth) => _queueDepth = depth;

    private Measurement<int>[] ObserveQueueDepth() =>
        _queueDepth is { } depth ? [new Measurement<int>(depth())] : [];

    private static TagList Tags(string tenantId, string source) =>
        new() { { "tenant", tenantId }, { "source", source } };

    private static Counter<long> Counter(Meter meter, string name, string description) =>
        meter.CreateCounter<long>(name, "{reminder}", description);
}
