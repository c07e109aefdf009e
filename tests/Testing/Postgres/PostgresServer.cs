using System.Diagnostics;
using System.Globalization;
using Mimo.Testing.Network;
using Mimo.Testing.Processes;
using Npgsql;

namespace Mimo.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for one test process: a fresh cluster made with <c>initdb</c> in a
/// temporary folder, started with <c>pg_ctl</c> on a free loopback port, with durability switched
/// off (the data is thrown away), and stopped when the process exits. Each test asks it for a fresh
/// database. Set <c>MIMO_TEST_POSTGRES</c> to a connection string (of a role that may create
/// databases) to use an existing server instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ExistingServerVariable = "MIMO_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartSharedAsync);

    private readonly LocalCluster? _cluster;
    private readonly bool _dedicated;

    private PostgresServer(string adminConnectionString, LocalCluster? cluster, bool dedicated = false)
    {
        AdminConnectionString = adminConnectionString;
        _cluster = cluster;
        _dedicated = dedicated;
    }

    /// <summary>A connection string to the server's maintenance database, as a superuser.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The server of this test process, started on first use.</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>
    /// A server of the caller's own, for tests that stop and start it (outages); always a local
    /// cluster, whatever <c>MIMO_TEST_POSTGRES</c> says. Dispose it to remove it.
    /// </summary>
    public static async Task<PostgresServer> StartDedicatedAsync()
    {
        var cluster = await LocalCluster.CreateAsync();
        return new PostgresServer(cluster.ConnectionString, cluster, dedicated: true);
    }

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "mimo_test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops the server (an outage); its data stays. Only for a server this process started.</summary>
    public Task StopAsync() => RequireCluster().StopAsync(immediate: false);

    /// <summary>Starts a stopped server again on the same port and data.</summary>
    public Task StartAsync() => RequireCluster().StartAsync();

    public ValueTask DisposeAsync()
    {
        if (_dedicated)
        {
            _cluster!.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private LocalCluster RequireCluster() => _cluster
        ?? throw new InvalidOperationException($"The server from {ExistingServerVariable} is not this process's to stop or start.");

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var existing = Environment.GetEnvironmentVariable(ExistingServerVariable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return new PostgresServer(existing, null);
        }

        var cluster = await LocalCluster.CreateAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return new PostgresServer(cluster.ConnectionString, cluster);
    }

    /// <summary>A cluster in a temporary folder, owned by the <c>postgres</c> user when running as root.</summary>
    private sealed class LocalCluster : IDisposable
    {
        private const string FolderPrefix = "mimo-pg-";
        private const string OwnerFile = "owner.pid";

        private readonly string _bin;
        private readonly string _root;
        private readonly int _port;

        private LocalCluster(string bin, string root, int port)
        {
            _bin = bin;
            _root = root;
            _port = port;
        }

        public string ConnectionString => new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = _port,
            Username = "postgres",
            Database = "postgres",
            Pooling = true,
            MaxPoolSize = 20,
        }.ConnectionString;

        private string DataFolder => Path.Combine(_root, "data");

        public static async Task<LocalCluster> CreateAsync()
        {
            RemoveAbandonedClusters();
            var bin = FindBinaries();
            var root = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
            await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            var cluster = new LocalCluster(bin, root, FreeTcpPort.Next());
            await GiveToServerUserAsync(root);
            await cluster.RunAsync("initdb", "-D", cluster.DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
            await cluster.StartAsync();
            return cluster;
        }

        public Task StartAsync()
        {
            var options = string.Join(' ',
                $"-p {_port}",
                $"-k {_root}",
                "-c listen_addresses=127.0.0.1",
                "-c max_connections=400",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off");
            return RunAsync("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o", options, "start");
        }

        public Task StopAsync(bool immediate) =>
            RunAsync("pg_ctl", "-D", DataFolder, "-m", immediate ? "immediate" : "fast", "-w", "stop");

        public void Dispose()
        {
            try
            {
                StopAsync(immediate: true).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException)
            {
                // Already stopped: nothing to do but remove the folder.
            }

            Directory.Delete(_root, recursive: true);
        }

        private Task RunAsync(string tool, params string[] arguments) =>
            Run(Path.Combine(_bin, tool), arguments, asServerUser: true);

        /// <summary>Stops and removes clusters left behind by test processes that were killed.</summary>
        private static void RemoveAbandonedClusters()
        {
            foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
            {
                var owner = Path.Combine(folder, OwnerFile);
                if (!File.Exists(owner) || IsAlive(File.ReadAllText(owner)))
                {
                    continue;
                }

                try
                {
                    var data = Path.Combine(folder, "data");
                    if (File.Exists(Path.Combine(data, "postmaster.pid")))
                    {
                        Run(Path.Combine(FindBinaries(), "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asServerUser: true)
                            .GetAwaiter().GetResult();
                    }

                    Directory.Delete(folder, recursive: true);
                }
                catch (Exception exception) when (exception is IOException or InvalidOperationException or UnauthorizedAccessException)
                {
                    // Another process may be cleaning the same folder; it is only tidying up.
                }
            }
        }

        private static bool IsAlive(string processId)
        {
            if (!int.TryParse(processId, CultureInfo.InvariantCulture, out var id))
            {
                return false;
            }

            try
            {
                using var process = Process.GetProcessById(id);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        private static string FindBinaries()
        {
            const string Root = "/usr/lib/postgresql";
            var bin = Directory.Exists(Root)
                ? Directory.EnumerateDirectories(Root)
                    .Select(version => Path.Combine(version, "bin"))
                    .Where(candidate => File.Exists(Path.Combine(candidate, "initdb")))
                    .OrderByDescending(candidate => int.TryParse(Path.GetFileName(Path.GetDirectoryName(candidate)), out var v) ? v : 0)
                    .FirstOrDefault()
                : null;
            return bin ?? throw new InvalidOperationException(
                $"No PostgreSQL server binaries under {Root}. Run 'bash scripts/test.sh' (it installs them as root), " +
                $"install the 'postgresql' package, or set {ExistingServerVariable} to a server's connection string.");
        }

        private static async Task GiveToServerUserAsync(string folder)
        {
            if (IsRoot)
            {
                await Run("chown", ["-R", "postgres:postgres", folder], asServerUser: false);
            }
        }

        private static bool IsRoot => Environment.UserName == "root";

        /// <summary>Runs a tool to completion; as root, PostgreSQL's tools run as the postgres user (initdb refuses root).</summary>
        private static async Task Run(string tool, string[] arguments, bool asServerUser)
        {
            var start = new ProcessStartInfo { FileName = asServerUser && IsRoot ? "runuser" : tool };
            if (asServerUser && IsRoot)
            {
                foreach (var prefix in new[] { "-u", "postgres", "--", tool })
                {
                    start.ArgumentList.Add(prefix);
                }
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            await ToolRun.RunAsync(start, $"{Path.GetFileName(tool)} {string.Join(' ', arguments)}");
        }
    }
}
