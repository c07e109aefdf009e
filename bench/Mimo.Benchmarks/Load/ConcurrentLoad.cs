using System.Diagnostics;

namespace Mimo.Benchmarks.Load;

/// <summary>
/// Runs <c>count</c> numbered operations with a fixed number always in flight, each worker taking
/// the next number as soon as its operation completes, until all are done or the time limit.
/// </summary>
internal static class ConcurrentLoad
{
    public static async Task<LoadOutcome> RunAsync(
        int count,
        int concurrency,
        TimeSpan limit,
        Func<int, CancellationToken, Task<bool>> operation)
    {
        using var timeout = new CancellationTokenSource(limit);
        var next = -1;
        var completed = 0;
        var failed = 0;
        string? firstError = null;
        var started = Stopwatch.GetTimestamp();

        async Task WorkAsync()
        {
            int item;
            while ((item = Interlocked.Increment(ref next)) < count && !timeout.IsCancellationRequested)
            {
                try
                {
                    if (await operation(item, timeout.Token))
                    {
                        Interlocked.Increment(ref completed);
                        continue;
                    }

                    Interlocked.CompareExchange(ref firstError, $"operation {item} was refused", null);
                }
                catch (Exception exception) when (!timeout.IsCancellationRequested)
                {
                    Interlocked.CompareExchange(ref firstError, $"operation {item}: {exception.Message}", null);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                Interlocked.Increment(ref failed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkAsync)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new LoadOutcome(count, completed, failed, elapsed, timeout.IsCancellationRequested, firstError);
    }
}

/// <summary>How a load went: operations done and refused, how long it took, and whether the limit stopped it.</summary>
internal sealed record LoadOutcome(
    int Count,
    int Completed,
    int Failed,
    TimeSpan Elapsed,
    bool TimedOut,
    string? FirstError)
{
    public bool Finished => !TimedOut && Completed + Failed == Count;

    public double PerSecond => Completed / Elapsed.TotalSeconds;
}
