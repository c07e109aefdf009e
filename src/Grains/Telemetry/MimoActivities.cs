using System.Diagnostics;
using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Telemetry;

/// <summary>
/// The engine's spans, on the activity source <c>Mimo</c>: a customer's reminder tick
/// (<see cref="ReminderTick"/>), delivering one email of an outbox (<see cref="DeliverEmail"/>) and
/// handing it to the SMTP server or the pickup folder (<see cref="SendEmail"/>). A span is only
/// made when a tracer listens to the source.
/// </summary>
/// <remarks>
/// The delivery queue parents a delivery span on whatever was current when the email was queued
/// (a reminder tick, or the grain call of an HTTP request), so one trace runs from the tick or the
/// request to the SMTP server even though the email waits in the queue in between.
/// </remarks>
public static class MimoActivities
{
    public const string SourceName = "Mimo";

    /// <summary>Span name: one tick of a customer's Orleans reminder, the root of an automatic email's trace.</summary>
    public const string ReminderTick = "reminder tick";

    /// <summary>Span name: one outbox email asked for, sent and reported back to its customer.</summary>
    public const string DeliverEmail = "deliver email";

    /// <summary>Span name: one email handed to the transport (SMTP server or pickup folder).</summary>
    public const string SendEmail = "send email";

    public const string TenantTag = "mimo.tenant";
    public const string CustomerTag = "mimo.customer";
    public const string MessageIdTag = "mimo.message_id";
    public const string TransportTag = "mimo.email.transport";
    public const string OutcomeTag = "mimo.delivery.outcome";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>The context of the current span, to parent a delivery on; false when there is none.</summary>
    public static bool TryGetCurrent(out ActivityContext context)
    {
        context = System.Diagnostics.Activity.Current?.Context ?? default;
        return context != default;
    }

    /// <summary>Starts the span of one reminder tick of a customer.</summary>
    public static System.Diagnostics.Activity? StartReminderTick(string tenantId, string customerId) =>
        Source.StartActivity(ReminderTick)?
            .SetTag(TenantTag, tenantId)
            .SetTag(CustomerTag, customerId);

    /// <summary>
    /// Starts the span of one delivery as a child of <paramref name="queuedIn"/>, or as the root of a
    /// new trace when that is default (whatever span the caller's context carries is no parent).
    /// </summary>
    public static System.Diagnostics.Activity? StartDelivery(DeliveryRequest request, ActivityContext queuedIn)
    {
        ArgumentNullException.ThrowIfNull(request);

        System.Diagnostics.Activity.Current = null;
        var activity = Source.StartActivity(DeliverEmail, ActivityKind.Consumer, queuedIn);
        activity?
            .SetTag(TenantTag, request.TenantId)
            .SetTag(CustomerTag, request.CustomerId)
            .SetTag(MessageIdTag, request.MessageId);
        return activity;
    }

    /// <summary>Starts the span of one send through <paramref name="transport"/> (<c>smtp</c> or <c>pickup</c>).</summary>
    public static System.Diagnostics.Activity? StartSend(
        string transport,
        string? messageId,
        string? host = null,
        int? port = null)
    {
        var activity = Source.StartActivity(SendEmail, ActivityKind.Client);
        activity?
            .SetTag(TransportTag, transport)
            .SetTag(MessageIdTag, messageId)
            .SetTag("server.address", host)
            .SetTag("server.port", port);
        return activity;
    }

    /// <summary>
    /// Records how a send or a delivery ended on <paramref name="activity"/>. A failure marks the span
    /// as an error by its status alone: the server's answer may name addresses, which stay out of traces.
    /// </summary>
    public static void Ended(System.Diagnostics.Activity? activity, DeliveryStatus status)
    {
        activity?.SetTag(OutcomeTag, Outcome(status));
        if (status != DeliveryStatus.Sent)
        {
            activity?.SetStatus(ActivityStatusCode.Error, Outcome(status));
        }
    }

    /// <summary>Records how the current delivery's send ended.</summary>
    public static void Delivered(DeliveryStatus status) => Ended(System.Diagnostics.Activity.Current, status);

    /// <summary>Records on the current delivery span that the customer no longer wanted the email sent.</summary>
    public static void Skipped() => System.Diagnostics.Activity.Current?.SetTag(OutcomeTag, "skipped");

    /// <summary>Marks <paramref name="activity"/> as failed by <paramref name="exception"/>'s type.</summary>
    public static void Failed(System.Diagnostics.Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
    }

    internal static string Outcome(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => "sent",
        DeliveryStatus.TransientFailure => "transient_failure",
        DeliveryStatus.PermanentFailure => "permanent_failure",
        _ => "unknown",
    };
}
