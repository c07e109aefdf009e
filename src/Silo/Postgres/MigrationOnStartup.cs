namespace Mimo.Silo.Postgres;

/// <summary>
/// Applies the database migrations before any Orleans provider reads its queries, so that a silo
/// started against an empty database brings its own schema.
/// </summary>
internal sealed class MigrationOnStartup(DatabaseMigrator migrator) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<MigrationOnStartup>(
            ServiceLifecycleStage.First,
            cancellationToken => migrator.MigrateAsync(cancellationToken));
}
