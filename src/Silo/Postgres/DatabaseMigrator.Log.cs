using Microsoft.Extensions.Logging;

namespace Mimo.Silo.Postgres;

public sealed partial class DatabaseMigrator
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applying database migration {Version} ({Name})")]
    private static partial void LogApplying(ILogger logger, int version, string name);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Database schema is up to date: {Known} migrations, {Applied} applied now")]
    private static partial void LogUpToDate(ILogger logger, int known, int applied);
}
