using System.Collections.Concurrent;

namespace Mimo.Grains.Email;

/// <summary>
/// At most <c>size</c> SMTP clients, each used by one send at a time and kept connected between
/// sends. A client that failed is discarded; its slot makes a new client next time.
/// </summary>
internal sealed class SmtpConnectionPool(int size) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(size, size);
    private readonly ConcurrentBag<RecordingSmtpClient> _idle = [];

    /// <summary>
    /// Waits for a free slot and hands out an idle client, or a new one. With
    /// <paramref name="fresh"/>, an idle client is dropped rather than reused: after one pooled
    /// connection broke, the others may be just as stale.
    /// </summary>
    public async Task<RecordingSmtpClient> RentAsync(bool fresh, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!_idle.TryTake(out var client))
        {
            return new RecordingSmtpClient();
        }

        if (!fresh)
        {
            return client;
        }

        client.Dispose();
        return new RecordingSmtpClient();
    }

    /// <summary>Keeps a healthy client for the next send.</summary>
    public void Return(RecordingSmtpClient client)
    {
        _idle.Add(client);
        _slots.Release();
    }

    /// <summary>Drops a client whose connection can no longer be trusted.</summary>
    public void Discard(RecordingSmtpClient client)
    {
        client.Dispose();
        _slots.Release();
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var client))
        {
            client.Dispose();
        }

        _slots.Dispose();
    }
}
