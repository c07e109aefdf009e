using Mimo.Silo.Postgres;
using Mimo.Testing.Postgres;
using Mimo.Testing.Processes;

namespace Mimo.Silo.Tests.Postgres;

/// <summary><c>dotnet run --project src/Silo -- migrate</c>, run as the real program.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_AppliesEverythingThenFindsNothingToDo()
    {
        await using var database = await TestDatabase.CreateAsync(migrated: false);
        var environment = new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = database.ConnectionString };

        var first = await ServiceProcess.RunAsync("Mimo.Silo", environment, "migrate");
        var second = await ServiceProcess.RunAsync("Mimo.Silo", environment, "migrate");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains($"Applied {Migration.All.Count} migration(s).", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("The database is up to date.", second.Output, StringComparison.Ordinal);
        Assert.Equal(Migration.All.Count, (int)await database.ScalarAsync<long>("SELECT count(*) FROM mimo_schema_migration"));
    }

    [Fact]
    public async Task Migrate_WithoutADatabase_ExplainsWhatIsMissing()
    {
        var result = await ServiceProcess.RunAsync("Mimo.Silo", new Dictionary<string, string?>(), "migrate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("set ConnectionStrings__Postgres", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_UnreachableDatabase_FailsWithoutAStackTraceDump()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3",
        };

        var result = await ServiceProcess.RunAsync("Mimo.Silo", environment, "migrate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot reach", result.Output, StringComparison.OrdinalIgnoreCase);
    }
}
