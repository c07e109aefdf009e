using System.Diagnostics;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Mimo.Benchmarks.Load;

/// <summary>
/// The floor a dispatch is compared with: a plain MailKit loop that sends emails already rendered,
/// over a fixed number of connections opened once, each connection taking the next email as soon
/// as the server accepted its last one.
/// </summary>
internal static class BareMailKit
{
    /// <summary>Parses messages as they were dumped by the SMTP sink; done before anything is timed.</summary>
    public static IReadOnlyList<MimeMessage> Parse(IEnumerable<string> messages) => messages
        .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m))))
        .ToList();

    /// <summary>Sends every message and returns the time from the first connection to the last acceptance.</summary>
    public static async Task<TimeSpan> SendAsync(
        IReadOnlyList<MimeMessage> messages,
        int port,
        int connections,
        CancellationToken cancellationToken)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();

        async Task SendShareAsync()
        {
            using var client = new SmtpClient();
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, cancellationToken);
            int item;
            while ((item = Interlocked.Increment(ref next)) < messages.Count)
            {
                await client.SendAsync(messages[item], cancellationToken);
            }

            await client.DisconnectAsync(quit: true, cancellationToken);
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(SendShareAsync, cancellationToken)));
        return Stopwatch.GetElapsedTime(started);
    }
}
