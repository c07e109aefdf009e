using Microsoft.Extensions.Logging.Abstractions;
using Mimo.Silo.Postgres;
using Mimo.Testing.Postgres;
using Npgsql;

namespace Mimo.Silo.Tests.Postgres;

public sealed class MigrationTests
{
    private const string SchemaSignature = """
        SELECT string_agg(line, E'\n' ORDER BY line) FROM (
            SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default) AS line
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL
            SELECT format('index %s %s', indexname, indexdef) FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL
            SELECT format('query %s %s', querykey, md5(querytext)) FROM orleansquery
            UNION ALL
            SELECT format('migration %s %s %s %s', version, name, checksum, applied_at) FROM mimo_schema_migration
        ) AS schema_lines
        """;

    [Fact]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigration()
    {
        await using var database = await TestDatabase.CreateAsync(migrated: false);

        var applied = await database.MigrateAsync();

        Assert.Equal(Migration.All.Count, applied);
        Assert.Equal(Migration.All.Count, await database.ScalarAsync<long>("SELECT count(*) FROM mimo_schema_migration"));
        foreach (var table in new[]
        {
            "orleansquery", "mimo_cluster_version", "mimo_cluster_member", "mimo_grain_state", "mimo_reminder",
            "mimo_customer_directory", "mimo_closed_invoice", "mimo_activity",
        })
        {
            Assert.True(await database.ScalarAsync<bool>("SELECT to_regclass($1) IS NOT NULL", table), table);
        }
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_WritesEveryStatementTheProvidersRead()
    {
        await using var database = await TestDatabase.CreateAsync();

        var keys = await ReadQueryKeysAsync(database);

        Assert.Empty(ProviderQueryKeys.All.Except(keys));
    }

    [Fact]
    public async Task Migrate_Twice_ChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await database.ScalarAsync<string>(SchemaSignature);

        var applied = await database.MigrateAsync();

        Assert.Equal(0, applied);
        Assert.Equal(before, await database.ScalarAsync<string>(SchemaSignature));
    }

    [Fact]
    public async Task Migrate_ScriptsRunAgainOnAMigratedDatabase_ChangeNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await database.ScalarAsync<string>(SchemaSignature);

        foreach (var migration in Migration.All)
        {
            await database.ExecuteAsync(migration.Sql);
        }

        Assert.Equal(before, await database.ScalarAsync<string>(SchemaSignature));
    }

    [Fact]
    public async Task Migrate_SeveralProcessesAtOnceOnAnEmptyDatabase_AllSucceedAndEachMigrationAppliesOnce()
    {
        await using var database = await TestDatabase.CreateAsync(migrated: false);
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();

        var applied = await Task.WhenAll(sources.Select(source =>
            Task.Run(() => new DatabaseMigrator(source, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None))));

        Assert.Equal(Migration.All.Count, applied.Sum());
        Assert.Single(applied, count => count == Migration.All.Count);
        Assert.Equal(Migration.All.Count, await database.ScalarAsync<long>("SELECT count(*) FROM mimo_schema_migration"));
        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
    }

    [Fact]
    public async Task Migrate_AppliedScriptHasChanged_RefusesAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ExecuteAsync("UPDATE mimo_schema_migration SET checksum = 'edited' WHERE version = 2");
        var before = await database.ScalarAsync<string>(SchemaSignature);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(database.MigrateAsync);

        Assert.Contains("Migration 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("different script", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await database.ScalarAsync<string>(SchemaSignature));
    }

    [Fact]
    public async Task Migrate_DatabaseFromANewerBuild_Refuses()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ExecuteAsync("INSERT INTO mimo_schema_migration (version, name, checksum) VALUES (999, 'future', 'x')");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(database.MigrateAsync);

        Assert.Contains("migration 999 (future)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_FailingMigration_LeavesNoPartOfTheRunBehind()
    {
        await using var database = await TestDatabase.CreateAsync(migrated: false);
        await database.ExecuteAsync("CREATE TABLE mimo_grain_state (conflicting integer)");

        await Assert.ThrowsAsync<PostgresException>(database.MigrateAsync);

        Assert.False(await database.ScalarAsync<bool>("SELECT to_regclass('orleansquery') IS NOT NULL"));
        Assert.False(await database.ScalarAsync<bool>("SELECT to_regclass('mimo_schema_migration') IS NOT NULL"));
    }

    [Fact]
    public void Migrations_AreNumberedWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, Migration.All.Count), Migration.All.Select(m => m.Version));
        Assert.All(Migration.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    private static async Task<List<string>> ReadQueryKeysAsync(TestDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT querykey FROM orleansquery");
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
