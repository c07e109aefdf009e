using Microsoft.Extensions.Logging;

namespace Mimo.Grains.Email;

public sealed partial class PickupDirectoryTransport
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Email {MessageId} written to {Path}")]
    private static partial void LogWritten(ILogger logger, string? messageId, string path);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Could not write email {MessageId} into pickup directory {Directory}")]
    private static partial void LogWriteFailed(
        ILogger logger,
        Exception exception,
        string? messageId,
        string directory);
}
