using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Telemetry;

/// <summary>
/// The engine's metrics, on one meter named <c>Mimo</c>. Register one instance; the methods are
/// thread-safe and cheap. Reminder counters carry the tags <c>tenant</c> and <c>source</c>
/// (<c>smart</c>, <c>workflow</c> or <c>manual</c>).
/// </summary>
public sealed class MimoMetrics
{
    public const string MeterName = "Mimo";

    private readonly Counter<long> _planned;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Histogram<double> _smtpDuration;
    private Func<int>? _queueDepth;

    public MimoMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);

        var meter = meterFactory.Create(MeterName);
        _planned = Counter(meter, "mimo.reminders.planned", "Reminders put on a schedule.");
        _sent = Counter(meter, "mimo.reminders.sent", "Reminder emails accepted for delivery.");
        _skipped = Counter(meter, "mimo.reminders.skipped", "Reminders not sent, with a reason.");
        _failed = Counter(meter, "mimo.reminders.failed", "Reminders that failed for good.");
        _retried = Counter(meter, "mimo.reminders.retried", "Delivery attempts to be retried.");
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
