using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Email;
using Mimo.Grains.Telemetry;
using static Mimo.Grains.Tests.Email.EmailTestData;
using Span = System.Diagnostics.Activity;

namespace Mimo.Grains.Tests.Email;

/// <summary>The delivery queue carries the trace of whoever queued an email over to its delivery.</summary>
public sealed class DeliveryQueueTracingTests : IAsyncDisposable
{
    private static readonly ActivitySource Caller = new("Mimo.Tests.Caller");

    private readonly List<Span> _ended = [];
    private readonly ActivityListener _listener;
    private readonly DeliveryQueue _queue;
    private readonly RecordingDeliveryHandler _handler;
    private readonly string _tenantId = $"tn{Guid.NewGuid():N}";

    public DeliveryQueueTracingTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MimoActivities.SourceName or "Mimo.Tests.Caller",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                lock (_ended)
                {
                    _ended.Add(span);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
        _handler = new RecordingDeliveryHandler();
        _queue = new DeliveryQueue(
            _handler,
            Options.Create(new SmtpOptions { MaxConnections = 2, MaxMessagesPerSecondPerTenant = 1000 }),
            TimeProvider.System,
            NullLogger<DeliveryQueue>.Instance,
            AMetrics());
    }

    public async ValueTask DisposeAsync()
    {
        await _queue.StopAsync(CancellationToken.None);
        _queue.Dispose();
        _listener.Dispose();
    }

    [Fact]
    public async Task AnEmailQueuedInASpan_IsDeliveredInAChildSpanOfIt()
    {
        await _queue.StartAsync(CancellationToken.None);
        var request = new DeliveryRequest(_tenantId, "c-1", "m-1@mimo");
        ActivityContext queuedIn;

        using (var caller = Caller.StartActivity("queue an email")!)
        {
            _queue.TryEnqueue(request);
            queuedIn = caller.Context;
        }

        var delivery = await DeliverySpanAsync(request);
        Assert.Equal(queuedIn.TraceId, delivery.TraceId);
        Assert.Equal(queuedIn.SpanId, delivery.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, delivery.Kind);
        Assert.Equal(_tenantId, delivery.GetTagItem(MimoActivities.TenantTag));
        Assert.Equal("c-1", delivery.GetTagItem(MimoActivities.CustomerTag));
        Assert.Equal("m-1@mimo", delivery.GetTagItem(MimoActivities.MessageIdTag));
    }

    [Fact]
    public async Task AnEmailQueuedOutsideAnySpan_StartsATraceOfItsOwn_WhateverSpanStartedTheQueue()
    {
        using (Caller.StartActivity("host start"))
        {
            await _queue.StartAsync(CancellationToken.None);
        }

        var request = new DeliveryRequest(_tenantId, "c-1", "m-2@mimo");
        _queue.TryEnqueue(request);

        var delivery = await DeliverySpanAsync(request);
        Assert.Equal(default, delivery.ParentSpanId);
    }

    private async Task<Span> DeliverySpanAsync(DeliveryRequest request)
    {
        await _handler.WaitForStartedAsync(1);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            lock (_ended)
            {
                var span = _ended.Find(s =>
                    s.OperationName == MimoActivities.DeliverEmail
                    && Equals(s.GetTagItem(MimoActivities.MessageIdTag), request.MessageId)
                    && Equals(s.GetTagItem(MimoActivities.TenantTag), _tenantId));
                if (span is not null)
                {
                    return span;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "The delivery span did not end.");
            await Task.Delay(10);
        }
    }
}
