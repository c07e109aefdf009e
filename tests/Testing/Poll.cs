namespace Mimo.Testing;

/// <summary>
/// Reads something the system fills in on its own schedule (a background collector, a read model)
/// until it is as expected, so that a test waits for the condition rather than a fixed time.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The first value read that satisfies <paramref name="done"/>; the last one read when time
    /// runs out.
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);

        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTimeOffset.UtcNow >= deadline)
            {
                return value;
            }

            await Task.Delay(Interval);
        }
    }
}
