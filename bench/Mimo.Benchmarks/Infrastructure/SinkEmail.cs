namespace Mimo.Benchmarks.Infrastructure;

/// <summary>An email <see cref="SmtpSink"/> accepted: its arrival time and the message as sent.</summary>
internal sealed record SinkEmail(DateTimeOffset ArrivedAt, string Message)
{
    /// <summary>
    /// Removes what smtp-sink writes before the message: its <c>X-Client-…</c>, <c>X-Helo-Args</c>,
    /// <c>X-Mail-Args</c> and <c>X-Rcpt-Args</c> lines and a three-line <c>Received:</c> header.
    /// </summary>
    public static string WithoutSinkHeaders(string dump)
    {
        var received = dump.IndexOf("\nReceived: ", StringComparison.Ordinal);
        if (received < 0)
        {
            return dump;
        }

        var position = dump.IndexOf('\n', received + 1);
        while (position >= 0 && position + 1 < dump.Length && dump[position + 1] == '\t')
        {
            position = dump.IndexOf('\n', position + 1);
        }

        return position < 0 ? "" : dump[(position + 1)..];
    }
}
