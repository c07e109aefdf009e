using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mimo.Grains.Interfaces.Email;
using Mimo.Grains.Telemetry;

namespace Mimo.Grains.Email;

/// <summary>
/// Emails waiting to be delivered, handed to the <see cref="IDeliveryHandler"/> fairly across
/// tenants: each tenant has its own FIFO, tenants take turns, and each tenant is held to
/// <see cref="SmtpOptions.MaxMessagesPerSecondPerTenant"/> without holding up the others. At most
/// <see cref="SmtpOptions.MaxDeliveriesInFlight"/> handlers run at once.
/// </summary>
/// <remarks>
/// The queue lives in memory: requests still waiting when the host stops are dropped, so the
/// durable outbox behind each request must enqueue it again after a restart. On stop the queue
/// takes no new work and waits for running handlers to finish. Each handler runs in a
/// <see cref="MimoActivities.DeliverEmail"/> span whose parent is the span that queued the request.
/// </remarks>
public sealed partial class DeliveryQueue : BackgroundService
{
    private readonly IDeliveryHandler _handler;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DeliveryQueue> _logger;
    private readonly int _maxConcurrency;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _handlersCancellation = new();
    private readonly Lock _gate = new();
    private readonly TenantLanes _lanes;
    private readonly Dictionary<DeliveryRequest, ActivityContext> _queuedIn = [];
    private TaskCompletionSource _wake = NewSignal();
    private TaskCompletionSource _parked = NewSignal();
    private bool _stopping;

    public DeliveryQueue(
        IDeliveryHandler handler,
        IOptions<SmtpOptions> options,
        TimeProvider timeProvider,
        ILogger<DeliveryQueue> logger,
        MimoMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);

        _handler = handler;
        _timeProvider = timeProvider;
        _logger = logger;
        _maxConcurrency = options.Value.MaxDeliveriesInFlight;
        _slots = new SemaphoreSlim(_maxConcurrency, _maxConcurrency);
        _lanes = new TenantLanes(options.Value.MaxMessagesPerSecondPerTenant, timeProvider);
        metrics.ObserveQueueDepth(() => Depth);
    }

    /// <summary>How many requests are waiting (not counting those being handled).</summary>
    public int Depth
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Count;
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="request"/> without waiting. A request already waiting with the same
    /// tenant, customer and message id is not queued twice (and this still returns true).
    /// </summary>
    /// <returns>False only when the queue is stopping and takes no more work.</returns>
    public bool TryEnqueue(DeliveryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        lock (_gate)
        {
            if (_stopping)
            {
                return false;
            }

            if (_lanes.Add(request))
            {
                if (MimoActivities.TryGetCurrent(out var queuedIn))
                {
                    _queuedIn[request] = queuedIn;
                }

                _wake.TrySetResult();
            }
            else
            {
                LogAlreadyWaiting(_logger, request.TenantId, request.CustomerId, request.MessageId);
            }

            return true;
        }
    }

    private bool IsStopping
    {
        get
        {
            lock (_gate)
            {
                return _stopping;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        int left;
        lock (_gate)
        {
            _stopping = true;
            left = _lanes.Count;
        }

        LogStopping(_logger, left);
        using var hardStop = cancellationToken.Register(_handlersCancellation.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        base.Dispose();
        _handlersCancellation.Dispose();
    }

    /// <summary>Completes while the dispatcher waits for work, a rate token or a free slot (for tests).</summary>
    internal Task WhenParked()
    {
        lock (_gate)
        {
            return _parked.Task;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await DispatchAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested || IsStopping)
        {
            // Stopping: the handlers already running finish below.
        }

        await WaitForRunningHandlersAsync().ConfigureAwait(false);
    }

    private async Task DispatchAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await ParkUntil(_slots.WaitAsync(stoppingToken)).ConfigureAwait(false);
            (DeliveryRequest Request, ActivityContext QueuedIn) next;
            try
            {
                next = await TakeNextAsync(stoppingToken).ConfigureAwait(false);
            }
            catch
            {
                _slots.Release();
                throw;
            }

            _ = Task.Run(() => HandleAsync(next.Request, next.QueuedIn), CancellationToken.None);
        }
    }

    private async Task<(DeliveryRequest, ActivityContext)> TakeNextAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            Task wake;
            TimeSpan wait;
            lock (_gate)
            {
                // Once stopping, nothing new starts, whatever the cancellation token has seen yet.
                if (_stopping)
                {
                    throw new OperationCanceledException(stoppingToken);
                }

                if (_lanes.TryTake(out var request, out wait))
                {
                    _queuedIn.Remove(request!, out var queuedIn);
                    return (request!, queuedIn);
                }

                if (_wake.Task.IsCompleted)
                {
                    _wake = NewSignal();
                }

                wake = _wake.Task;
            }

            await WaitForWorkAsync(wake, wait, stoppingToken).ConfigureAwait(false);
        }
    }

    // Wakes on new work or when the first rate-limited tenant gets a token, whichever comes first.
    private async Task WaitForWorkAsync(Task wake, TimeSpan wait, CancellationToken stoppingToken)
    {
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var tokenDue = Task.Delay(wait, _timeProvider, stopWaiting.Token);
        try
        {
            await ParkUntil(Task.WhenAny(wake, tokenDue)).ConfigureAwait(false);
        }
        finally
        {
            await stopWaiting.CancelAsync().ConfigureAwait(false);
        }

        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task HandleAsync(DeliveryRequest request, ActivityContext queuedIn)
    {
        using var activity = MimoActivities.StartDelivery(request, queuedIn);
        try
        {
            await _handler.HandleAsync(request, _handlersCancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_handlersCancellation.IsCancellationRequested)
        {
            // The host stopped waiting for this handler.
        }
        catch (Exception exception)
        {
            MimoActivities.Failed(activity, exception);
            LogHandlerFailed(_logger, exception, request.TenantId, request.CustomerId, request.MessageId);
        }
        finally
        {
            _slots.Release();
        }
    }

    // Holding every slot means no handler is running any more.
    private async Task WaitForRunningHandlersAsync()
    {
        for (var i = 0; i < _maxConcurrency; i++)
        {
            await _slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task ParkUntil(Task task)
    {
        if (task.IsCompleted)
        {
            await task.ConfigureAwait(false);
            return;
        }

        lock (_gate)
        {
            _parked.TrySetResult();
        }

        try
        {
            await task.ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                if (_parked.Task.IsCompleted)
                {
                    _parked = NewSignal();
                }
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
