namespace Mimo.Silo.Tests.Probes;

/// <summary>Where <see cref="ReminderProbeGrain"/> reports its ticks; tests wait on it instead of sleeping.</summary>
public sealed class ReminderTicks
{
    private readonly Lock _gate = new();
    private readonly List<Tick> _ticks = [];
    private readonly List<(Func<Tick, bool> Match, TaskCompletionSource<Tick> Waiter)> _waiters = [];

    public void Record(string probe, SiloAddress silo)
    {
        var tick = new Tick(probe, silo);
        lock (_gate)
        {
            _ticks.Add(tick);
            foreach (var waiter in _waiters.Where(w => w.Match(tick)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Waiter.TrySetResult(tick);
            }
        }
    }

    public int Count(string probe)
    {
        lock (_gate)
        {
            return _ticks.Count(t => t.Probe == probe);
        }
    }

    /// <summary>The next tick of <paramref name="probe"/> that matches, from now on.</summary>
    public Task<Tick> NextAsync(string probe, Func<Tick, bool>? match = null, TimeSpan? timeout = null)
    {
        var waiter = new TaskCompletionSource<Tick>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((tick => tick.Probe == probe && (match is null || match(tick)), waiter));
        }

        return waiter.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
    }
}

public sealed record Tick(string Probe, SiloAddress Silo);
