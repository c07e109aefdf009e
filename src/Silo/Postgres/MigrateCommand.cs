using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Mimo.Silo.Hosting;
using Npgsql;

namespace Mimo.Silo.Postgres;

/// <summary>
/// <c>dotnet run --project src/Silo -- migrate</c>: applies every migration, then exits with 0, or
/// with 1 and one line saying why not, or with 2 when no database is configured.
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var connectionString = configuration.GetConnectionString(ConfigurationNames.PostgresConnectionString);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync("migrate needs a database: set ConnectionStrings__Postgres.");
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole());
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var migrator = new DatabaseMigrator(dataSource, loggerFactory.CreateLogger<DatabaseMigrator>());
        try
        {
            var applied = await migrator.MigrateAsync(CancellationToken.None);
            Console.WriteLine(applied == 0 ? "The database is up to date." : $"Applied {applied} migration(s).");
            return 0;
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            await Console.Error.WriteLineAsync($"migrate failed: cannot reach the database ({exception.Message}).");
            return 1;
        }
        catch (Exception exception) when (exception is PostgresException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"migrate failed; nothing was changed: {exception.Message}");
            return 1;
        }
    }

    private static bool IsUnreachable(Exception exception) =>
        exception is NpgsqlException { InnerException: SocketException or TimeoutException or IOException }
            or SocketException
            or TimeoutException;
}
