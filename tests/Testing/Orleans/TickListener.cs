using Orleans.Reminders.Diagnostics;

namespace Mimo.Testing.Orleans;

/// <summary>Lets tests wait for a grain's next reminder tick to finish, from Orleans' reminder diagnostics.</summary>
public sealed class TickListener : IObserver<ReminderEvents.ReminderEvent>, IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<(GrainId Grain, TaskCompletionSource Done)> _waiters = [];
    private readonly IDisposable _subscription;

    public TickListener() => _subscription = ReminderEvents.AllEvents.Subscribe(this);

    /// <summary>Completes when the next tick of <paramref name="grain"/> from now on has completed or failed.</summary>
    public Task NextTickAsync(GrainId grain)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((grain, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        if (value is not (ReminderEvents.TickCompleted or ReminderEvents.TickFailed))
        {
            return;
        }

        lock (_gate)
        {
            foreach (var waiter in _waiters.Where(w => w.Grain == value.GrainId).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose() => _subscription.Dispose();
}
