using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Tests.Email;

/// <summary>
/// A delivery handler that records the requests it got, can hold every call until released, and
/// lets tests wait for the Nth call without sleeping.
/// </summary>
internal sealed class RecordingDeliveryHandler(Func<DeliveryRequest, Task>? behaviour = null) : IDeliveryHandler
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly List<DeliveryRequest> _started = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _running;

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Holds { get; init; }

    public int MostAtOnce { get; private set; }

    public int Finished { get; private set; }

    public IReadOnlyList<DeliveryRequest> Started
    {
        get
        {
            lock (_gate)
            {
                return [.. _started];
            }
        }
    }

    public async Task HandleAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        Begin(request);
        try
        {
            if (Holds)
            {
                await Release.Task;
            }

            if (behaviour is not null)
            {
                await behaviour(request);
            }
        }
        finally
        {
            lock (_gate)
            {
                _running--;
                Finished++;
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> calls have started.</summary>
    public async Task WaitForStartedAsync(int count)
    {
        TaskCompletionSource reached;
        lock (_gate)
        {
            if (_started.Count >= count)
            {
                return;
            }

            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
        }

        await reached.Task.WaitAsync(WaitLimit);
    }

    private void Begin(DeliveryRequest request)
    {
        lock (_gate)
        {
            _started.Add(request);
            _running++;
            MostAtOnce = Math.Max(MostAtOnce, _running);
            foreach (var waiter in _waiters.Where(w => _started.Count >= w.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
