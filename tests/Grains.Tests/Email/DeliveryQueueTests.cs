using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Email;
using static Mimo.Grains.Tests.Email.EmailTestData;

namespace Mimo.Grains.Tests.Email;

public sealed class DeliveryQueueTests : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 4, 15, 9, 0, 0, TimeSpan.Zero));
    private DeliveryQueue? _queue;

    public async ValueTask DisposeAsync()
    {
        if (_queue is not null)
        {
            await _queue.StopAsync(CancellationToken.None);
            _queue.Dispose();
        }
    }

    [Fact]
    public async Task Dispatch_TenantWithAThousandWaiting_DelaysAnotherTenantsEmailByAFewSlotsAtMost()
    {
        var handler = new RecordingDeliveryHandler();
        var queue = Queue(handler, inFlight: 1, ratePerSecond: 10_000);
        EnqueueMany(queue, "busy", 1000);
        queue.TryEnqueue(Request("quiet"));

        await queue.StartAsync(CancellationToken.None);
        await handler.WaitForStartedAsync(1001);

        var position = handler.Started.ToList().FindIndex(r => r.TenantId == "quiet");
        Assert.InRange(position, 0, 2);
    }

    [Fact]
    public async Task Dispatch_EachTenant_IsServedInTheOrderItsEmailsCame()
    {
        var handler = new RecordingDeliveryHandler();
        var queue = Queue(handler, inFlight: 1);
        var requests = Enumerable.Range(0, 5).Select(i => Request("tenant-a", $"m{i}")).ToList();
        requests.ForEach(r => queue.TryEnqueue(r));

        await queue.StartAsync(CancellationToken.None);
        await handler.WaitForStartedAsync(5);

        Assert.Equal(requests, handler.Started);
    }

    [Fact]
    public async Task Dispatch_TenantOverItsRate_WaitsForTokens_WhileOtherTenantsGoAhead()
    {
        var handler = new RecordingDeliveryHandler();
        var queue = Queue(handler, inFlight: 8, ratePerSecond: 2);
        EnqueueMany(queue, "busy", 5);

        await queue.StartAsync(CancellationToken.None);
        await handler.WaitForStartedAsync(2);
        await queue.WhenParked().WaitAsync(WaitLimit);
        Assert.Equal(2, handler.Started.Count);
        Assert.Equal(3, queue.Depth);

        queue.TryEnqueue(Request("other"));
        await handler.WaitForStartedAsync(3);
        await queue.WhenParked().WaitAsync(WaitLimit);
        Assert.Equal("other", handler.Started[2].TenantId);

        _time.Advance(TimeSpan.FromMilliseconds(500));
        await handler.WaitForStartedAsync(4);
        await queue.WhenParked().WaitAsync(WaitLimit);
        Assert.Equal(4, handler.Started.Count);
        Assert.Equal(2, queue.Depth);
    }

    [Fact]
    public async Task Dispatch_OverTime_KeepsEachTenantToItsRate()
    {
        var handler = new RecordingDeliveryHandler();
        var queue = Queue(handler, inFlight: 8, ratePerSecond: 1);
        EnqueueMany(queue, "busy", 4);

        await queue.StartAsync(CancellationToken.None);
        for (var second = 1; second <= 3; second++)
        {
            await handler.WaitForStartedAsync(second);
            await queue.WhenParked().WaitAsync(WaitLimit);
            Assert.Equal(second, handler.Started.Count);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        await handler.WaitForStartedAsync(4);
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public async Task TryEnqueue_SameRequestWhileWaiting_QueuesItOnce()
    {
        var handler = new RecordingDeliveryHandler();
        var queue = Queue(handler);
        var request = Request("tenant-a");

        Assert.True(queue.TryEnqueue(request));
        Assert.True(queue.TryEnqueue(request with { }));

        Assert.Equal(1, queue.Depth);
        await queue.StartAsync(CancellationToken.None);
        await handler.WaitForStartedAsync(1);
        await queue.WhenParked().WaitAsync(WaitLimit);
        Assert.Equal([request], handler.Started);
    }

    [Fact]
    public async Task TryEnqueue_SameRequestAfterItWasTaken_QueuesItAgain()
    {
        var handler = new RecordingDeliveryHandler();
        var queue = Queue(handler);
        var request = Request("tenant-a");
        queue.TryEnqueue(request);
        await queue.StartAsync(CancellationToken.None);
        await handler.WaitForStartedAsync(1);

        Assert.True(queue.TryEnqueue(request));

        await handler.WaitForStartedAsync(2);
        Assert.Equal([request, request], handler.Started);
    }

    [Fact]
    public async Task Dispatch_ManyWaiting_RunsAtMostMaxDeliveriesInFlightHandlersAtOnce()
    {
        var handler = new RecordingDeliveryHandler { Holds = true };
        var queue = Queue(handler, inFlight: 3);
        EnqueueMany(queue, "tenant-a", 5);
        EnqueueMany(queue, "tenant-b", 5);

        await queue.StartAsync(CancellationToken.None);
        await handler.WaitForStartedAsync(3);
        await queue.WhenParked().WaitAsync(WaitLimit);
        Assert.Equal(3, handler.Started.Count);

        handler.Release.SetResult();
        await handler.WaitForStartedAsync(10);
        Assert.Equal(3, handler.MostAtOnce);
    }

    [Fact]
    public async Task Dispatch_HandlerThrows_TheQueueGoesOn()
    {
        var handler = new RecordingDeliveryHandler(
            r => r.MessageId == "boom" ? throw new InvalidOperationException("boom") : Task.CompletedTask);
        var queue = Queue(handler, inFlight: 1);
        queue.TryEnqueue(Request("tenant-a", "boom"));
        queue.TryEnqueue(Request("tenant-a", "fine"));

        await queue.StartAsync(CancellationToken.None);
        await handler.WaitForStartedAsync(2);

        Assert.Equal(["boom", "fine"], handler.Started.Select(r => r.MessageId));
    }

    [Fact]
    public async Task Stop_TakesNoNewWork_AndLetsRunningHandlersFinish()
    {
        var handler = new RecordingDeliveryHandler { Holds = true };
        var queue = Queue(handler, inFlight: 1);
        queue.TryEnqueue(Request("tenant-a", "running"));
        queue.TryEnqueue(Request("tenant-a", "waiting"));
        await queue.StartAsync(CancellationToken.None);
        await handler.WaitForStartedAsync(1);

        var stopping = queue.StopAsync(CancellationToken.None);
        Assert.False(queue.TryEnqueue(Request("tenant-a", "late")));
        Assert.False(stopping.IsCompleted);
        handler.Release.SetResult();
        await stopping.WaitAsync(WaitLimit);

        Assert.Equal(1, handler.Finished);
        Assert.Equal(["running"], handler.Started.Select(r => r.MessageId));
    }

    private DeliveryQueue Queue(
        RecordingDeliveryHandler handler,
        int inFlight = 4,
        double ratePerSecond = 1000)
    {
        var options = new SmtpOptions
        {
            MaxDeliveriesInFlight = inFlight,
            MaxMessagesPerSecondPerTenant = ratePerSecond,
        };
        _queue = new DeliveryQueue(
            handler, Options.Create(options), _time, NullLogger<DeliveryQueue>.Instance, AMetrics());
        return _queue;
    }

    private static void EnqueueMany(DeliveryQueue queue, string tenantId, int count)
    {
        for (var i = 0; i < count; i++)
        {
            queue.TryEnqueue(Request(tenantId, $"{tenantId}-{i}"));
        }
    }

    private static DeliveryRequest Request(string tenantId, string? messageId = null) =>
        new(tenantId, "cust-1", messageId ?? $"mimo.{Guid.NewGuid():N}@{tenantId}.mimo");
}
