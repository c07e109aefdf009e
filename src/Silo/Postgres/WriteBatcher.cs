using System.Threading.Channels;

namespace Mimo.Silo.Postgres;

/// <summary>
/// Group commit for read-model writes: writes that arrive while a statement is running wait for
/// the next one and go into it together, so that a hundred concurrent grains cost a few statements
/// instead of a hundred. Each caller's task completes when the statement holding its write has
/// committed, and fails with that statement's error, exactly as if it had written alone.
/// </summary>
internal sealed class WriteBatcher<T>
{
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions
    {
        SingleReader = false,
        SingleWriter = false,
    });

    private readonly Func<IReadOnlyList<T>, Task> _write;
    private readonly int _maxBatch;

    /// <param name="write">Writes one batch in one statement (or one transaction).</param>
    /// <param name="maxBatch">The most writes one statement takes.</param>
    /// <param name="writers">How many statements may run at once.</param>
    public WriteBatcher(Func<IReadOnlyList<T>, Task> write, int maxBatch, int writers)
    {
        _write = write;
        _maxBatch = maxBatch;
        for (var i = 0; i < writers; i++)
        {
            _ = Task.Run(WriteLoopAsync);
        }
    }

    public Task WriteAsync(T item)
    {
        var pending = new Pending(item, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending.Writer.TryWrite(pending);
        return pending.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            await _write(batch.Select(p => p.Item).ToList());
            batch.ForEach(p => p.Done.TrySetResult());
        }
        catch (Exception exception)
        {
            // Every write of the statement failed with it; each caller handles it as its own.
            batch.ForEach(p => p.Done.TrySetException(exception));
        }
    }

    private sealed record Pending(T Item, TaskCompletionSource Done);
}
