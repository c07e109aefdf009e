using Microsoft.Extensions.Logging.Abstractions;
using Mimo.Silo.Postgres;
using Npgsql;

namespace Mimo.Testing.Postgres;

/// <summary>A fresh database on the test process's PostgreSQL server, for one test or one fixture.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>An empty database, or one with every migration applied.</summary>
    public static async Task<TestDatabase> CreateAsync(bool migrated = true)
    {
        var server = await PostgresServer.GetAsync();
        var database = new TestDatabase(await server.CreateDatabaseAsync());
        if (migrated)
        {
            await database.MigrateAsync();
        }

        return database;
    }

    public Task<int> MigrateAsync() =>
        new DatabaseMigrator(DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);

    /// <summary>Runs a query and returns its single value.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
