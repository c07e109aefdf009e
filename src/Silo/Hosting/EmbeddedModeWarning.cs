using Microsoft.Extensions.Logging;

namespace Mimo.Silo.Hosting;

/// <summary>Says loudly at start-up that a silo without a database keeps nothing.</summary>
internal sealed partial class EmbeddedModeWarning(ILogger<EmbeddedModeWarning> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<EmbeddedModeWarning>(ServiceLifecycleStage.First, _ =>
        {
            LogNothingIsDurable(logger);
            return Task.CompletedTask;
        });

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "No ConnectionStrings:Postgres is set: running the embedded default with in-memory " +
            "storage, reminders and read models. Nothing is durable; everything is lost when the process stops.")]
    private static partial void LogNothingIsDurable(ILogger logger);
}
