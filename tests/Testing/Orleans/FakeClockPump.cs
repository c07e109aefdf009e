using Microsoft.Extensions.Time.Testing;

namespace Mimo.Testing.Orleans;

/// <summary>Moves a fake clock on in small steps until some work is done.</summary>
public static class FakeClockPump
{
    /// <summary>
    /// Lets Orleans' reminder service catch up with a jump of the clock: it loads due reminders on
    /// its own timers, which a fake clock fires only when it moves, so the clock moves on a few
    /// seconds at a time (never enough to change a local day) until <paramref name="work"/> is done.
    /// </summary>
    public static async Task PumpUntilAsync(this FakeTimeProvider clock, Task work)
    {
        for (var step = 0; step < 1_000 && !work.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(20)));
        }

        await work;
    }
}
