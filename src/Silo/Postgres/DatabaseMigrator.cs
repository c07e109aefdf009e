using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mimo.Silo.Postgres;

/// <summary>
/// Brings a PostgreSQL database up to the schema this build expects. All pending migrations apply
/// in one transaction under an advisory lock, so silos starting together on an empty database
/// queue behind each other: the first applies everything, the others find nothing left to do.
/// A migration that was applied is never applied again; one whose script has changed since is an
/// error, because the database no longer matches what the code was tested against.
/// </summary>
public sealed partial class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    /// <summary>The advisory lock key every Mimo process takes while migrating ("mimo-mig").</summary>
    public const long LockKey = 0x6D696D6F_2D6D6967;

    private const string HistoryTable = """
        CREATE TABLE IF NOT EXISTS mimo_schema_migration (
            version    integer     NOT NULL,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT mimo_schema_migration_pk PRIMARY KEY (version)
        );
        """;

    private readonly IReadOnlyList<Migration> _migrations = Migration.All;

    /// <summary>Applies every pending migration; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await ExecuteAsync(connection, HistoryTable, cancellationToken);
        var applied = await ReadAppliedAsync(connection, cancellationToken);
        var pending = Pending(applied);

        foreach (var migration in pending)
        {
            LogApplying(logger, migration.Version, migration.Name);
            await ExecuteAsync(connection, migration.Sql, cancellationToken);
            await RecordAsync(connection, migration, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogUpToDate(logger, _migrations.Count, pending.Count);
        return pending.Count;
    }

    private List<Migration> Pending(IReadOnlyDictionary<int, AppliedMigration> applied)
    {
        foreach (var (version, record) in applied)
        {
            var known = _migrations.FirstOrDefault(m => m.Version == version);
            if (known is null)
            {
                throw new InvalidOperationException(
                    $"The database has migration {version} ({record.Name}), which this build does not know: " +
                    "it was migrated by a newer version of Mimo. Run that version, or restore a matching backup.");
            }

            if (known.Checksum != record.Checksum)
            {
                throw new InvalidOperationException(
                    $"Migration {version} ({known.Name}) was applied from a different script than this build's. " +
                    "Released migrations must never change; add a new migration instead.");
            }
        }

        return _migrations.Where(m => !applied.ContainsKey(m.Version)).ToList();
    }

    private static async Task<IReadOnlyDictionary<int, AppliedMigration>> ReadAppliedAsync(
        NpgsqlConnection connection,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM mimo_schema_migration", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = new AppliedMigration(reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    private static async Task RecordAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO mimo_schema_migration (version, name, checksum) VALUES ($1, $2, $3)",
            connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record AppliedMigration(string Name, string Checksum);
}
