namespace Mimo.Grains.Email;

/// <summary>
/// Allows <c>ratePerSecond</c> events per second on average, with bursts of up to one second's
/// worth (at least one). Kept as the time the bucket is next empty (a "theoretical arrival
/// time") in whole ticks, so fake clocks in tests see exact results. Not thread-safe.
/// </summary>
internal sealed class TokenBucket
{
    private readonly TimeProvider _timeProvider;
    private readonly long _origin;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _burst;
    private TimeSpan _nextFree;

    public TokenBucket(double ratePerSecond, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);

        _timeProvider = timeProvider;
        _origin = timeProvider.GetTimestamp();
        _interval = TimeSpan.FromTicks(Math.Max(1, (long)Math.Ceiling(TimeSpan.TicksPerSecond / ratePerSecond)));
        _burst = _interval * Math.Max(0, Math.Floor(ratePerSecond) - 1);
    }

    /// <summary>True when the bucket is full: a tenant idle this long is like a new one.</summary>
    public bool IsFull => _nextFree <= Now();

    /// <summary>Takes a token when one is there.</summary>
    public bool TryTake()
    {
        var now = Now();
        if (_nextFree - _burst > now)
        {
            return false;
        }

        _nextFree = (_nextFree > now ? _nextFree : now) + _interval;
        return true;
    }

    /// <summary>How long until <see cref="TryTake"/> can succeed; zero when it can now.</summary>
    public TimeSpan UntilNextToken()
    {
        var wait = _nextFree - _burst - Now();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private TimeSpan Now() => _timeProvider.GetElapsedTime(_origin);
}
