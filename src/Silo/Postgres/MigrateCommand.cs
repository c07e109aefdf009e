using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Mimo.Silo.Hosting;
using Npgsql;

namespace Mimo.Silo.Postgres;

/// <summary><c>dotnet run --project src/Silo -- migrate</c>: applies every migration, then exits.</summary>
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
        var applied = await migrator.MigrateAsync(CancellationToken.None);
        Console.WriteLine(applied == 0
            ? "The database is up to date."
            : $"Applied {applied} migration(s).");
        return 0;
    }
}
