using System.Globalization;
using Mimo.Testing.Postgres;
using Npgsql;

namespace Mimo.Benchmarks.Infrastructure;

/// <summary>
/// The PostgreSQL server of a run: the server of <c>ConnectionStrings__Postgres</c> when it is set
/// (its role must be allowed to create databases), else a throwaway cluster started the way the
/// test suite starts one (<see cref="PostgresServer"/>: initdb in a temporary folder, fsync off).
/// Each measurement gets a database of its own on it.
/// </summary>
internal sealed class BenchPostgres
{
    public const string ConnectionStringVariable = "ConnectionStrings__Postgres";

    private readonly PostgresServer _server;
    private readonly List<string> _created = [];

    private BenchPostgres(PostgresServer server, bool external, string version, int? postmasterId)
    {
        _server = server;
        External = external;
        Version = version;
        PostmasterId = postmasterId;
    }

    /// <summary>True when the server came from <c>ConnectionStrings__Postgres</c>.</summary>
    public bool External { get; }

    public string Version { get; }

    /// <summary>The postmaster's process id when the server runs on this machine.</summary>
    public int? PostmasterId { get; }

    public string Description => External
        ? "the server of ConnectionStrings__Postgres"
        : "a throwaway cluster like the test suite's (fsync, synchronous_commit and full_page_writes off)";

    public static async Task<BenchPostgres> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            // The test infrastructure takes an existing server through its own variable.
            Environment.SetEnvironmentVariable(PostgresServer.ExistingServerVariable, external);
        }

        var server = await PostgresServer.GetAsync();
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        var version = (string)(await Scalar(connection, "SHOW server_version"))!;
        var backend = Convert.ToInt32(
            await Scalar(connection, "SELECT pg_backend_pid()"),
            CultureInfo.InvariantCulture);
        var postmaster = LocalProcesses.ParentOf(backend);
        return new BenchPostgres(server, !string.IsNullOrWhiteSpace(external), version, postmaster);
    }

    /// <summary>
    /// A new empty database. On the throwaway server the pool size is Npgsql's default (100), as
    /// in a deployment; on an external server the connection string's own options are kept.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var connectionString = await _server.CreateDatabaseAsync(prefix);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _created.Add(builder.Database!);
        if (!External)
        {
            builder.Remove("Maximum Pool Size");
        }

        return builder.ConnectionString;
    }

    /// <summary>Drops the databases this run created; only needed on an external server.</summary>
    public async Task DropCreatedDatabasesAsync()
    {
        if (!External)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server.AdminConnectionString);
        await connection.OpenAsync();
        foreach (var database in _created)
        {
            await Scalar(connection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
