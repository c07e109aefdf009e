using Microsoft.Extensions.Logging;

namespace Mimo.Grains.Email;

public sealed partial class SmtpTransport
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Connected to SMTP server {Host}:{Port} (TLS {Secure})")]
    private static partial void LogConnected(ILogger logger, string host, int port, bool secure);

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "Email {MessageId} accepted by the SMTP server in {ElapsedMs:0} ms")]
    private static partial void LogSent(ILogger logger, string? messageId, double elapsedMs);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Email {MessageId} sent, but the SMTP server refused {RefusedCount} of its recipients")]
    private static partial void LogSentWithRefusals(ILogger logger, string? messageId, int refusedCount);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "SMTP connection broke before email {MessageId} was accepted ({Reason}); trying a new one")]
    private static partial void LogRetryingOnNewConnection(ILogger logger, string? messageId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} not sent, may work later: {Reason}")]
    private static partial void LogTransientFailure(ILogger logger, string? messageId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} refused by the SMTP server: {Reason}")]
    private static partial void LogPermanentFailure(ILogger logger, string? messageId, string? reason);
}
