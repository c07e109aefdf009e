using System.Diagnostics;
using System.Globalization;
using Mimo.Benchmarks.Hosting;
using Mimo.Benchmarks.Infrastructure;
using Mimo.Benchmarks.Reporting;
using Mimo.Benchmarks.Sections;

namespace Mimo.Benchmarks;

/// <summary>
/// A whole run: starts PostgreSQL, runs the chosen sections in order, each at its two sizes on
/// fresh deployments, and writes the results after every section, so that a run cut short still
/// leaves what it measured.
/// </summary>
internal static class BenchmarkRun
{
    private const double BusyMachine = 0.25;

    private static readonly Dictionary<string, Func<BenchContext, Task<SectionReport>>> Sections = new()
    {
        ["ingest"] = IngestSection.RunAsync,
        ["import"] = ImportSection.RunAsync,
        ["dispatch"] = DispatchSection.RunAsync,
        ["memory"] = MemorySection.RunAsync,
        ["restart"] = RestartSection.RunAsync,
    };

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var mode = options.Quick ? "quick" : "full";
        var started = Stopwatch.GetTimestamp();
        Console.WriteLine($"Mimo benchmarks, {mode} run: {string.Join(", ", options.Sections)} -> {options.OutPath}");

        var postgres = await BenchPostgres.StartAsync();
        var machine = await MachineInfo.ReadAsync(postgres);
        var results = new BenchResults(options.OutPath, mode, machine, Settings(postgres));
        Console.WriteLine($"PostgreSQL {postgres.Version}: {postgres.Description}");
        if (machine.BusyCoresAtStart > BusyMachine)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Warning: something else keeps {machine.BusyCoresAtStart:0.00} cores busy; "
                + $"the figures assume an idle machine."));
        }

        var failures = 0;
        try
        {
            foreach (var section in BenchOptions.AllSections.Where(options.Runs))
            {
                var context = new BenchContext(options, postgres);
                failures += await RunSectionAsync(section, context, results, started) ? 0 : 1;
            }
        }
        finally
        {
            await postgres.DropCreatedDatabasesAsync();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done in {Stopwatch.GetElapsedTime(started).TotalMinutes:0.0} min; "
            + $"results in {Path.GetFullPath(options.OutPath)}"));
        return failures == 0 ? 0 : 1;
    }

    private static async Task<bool> RunSectionAsync(
        string section,
        BenchContext context,
        BenchResults results,
        long started)
    {
        var sizes = context.SizesOf(section);
        BenchContext.Progress(section, string.Create(
            CultureInfo.InvariantCulture,
            $"sizes {sizes.Small:N0} and {sizes.Large:N0}"));
        bool succeeded;
        try
        {
            results.Add(section, await Sections[section](context));
            succeeded = true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // One section breaking (a process that would not start, say) must not lose the others.
            BenchContext.Progress(section, $"failed: {exception}");
            results.Add(section, new { error = exception.Message });
            succeeded = false;
        }

        await results.WriteAsync(Stopwatch.GetElapsedTime(started));
        return succeeded;
    }

    private static Dictionary<string, object> Settings(BenchPostgres postgres) => new()
    {
        ["httpConcurrency"] = BenchContext.Concurrency,
        ["smtpMaxConnections"] = SmtpSettings.MaxConnections,
        ["smtpMaxMessagesPerSecondPerTenant"] = SmtpSettings.MaxMessagesPerSecondPerTenant,
        ["apiRequestsPerSecondPerTenant"] = 100_000,
        ["smtpServer"] = "Postfix smtp-sink on loopback, dumping each email to /dev/shm",
        ["processes"] = "silo (the bench's silo host, composed like src/Silo) and API "
            + "(Mimo.Api.dll, Cluster:Role=Client) as child processes on loopback; "
            + "a fresh database and fresh processes for every size",
        ["postgres"] = postgres.Description,
    };
}
