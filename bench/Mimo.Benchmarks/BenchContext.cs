using System.Globalization;
using Mimo.Benchmarks.Infrastructure;

namespace Mimo.Benchmarks;

/// <summary>What every section needs: the options, the PostgreSQL server, the time limit, progress output.</summary>
internal sealed class BenchContext(BenchOptions options, BenchPostgres postgres)
{
    /// <summary>Requests in flight for HTTP loads, and statements in flight for the raw upsert limit.</summary>
    public const int Concurrency = 64;

    public BenchOptions Options { get; } = options;

    public BenchPostgres Postgres { get; } = postgres;

    /// <summary>
    /// The longest any one step of a measurement may take (a load, an import, waiting for emails,
    /// a start) before it is recorded as "did not finish in N s" and the run moves on.
    /// </summary>
    public TimeSpan Limit { get; } = options.Quick ? TimeSpan.FromMinutes(5) : TimeSpan.FromMinutes(20);

    public BenchSizes SizesOf(string section) => BenchSizes.For(section, Options.Quick);

    public string DidNotFinish(string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{what} did not finish in {Limit.TotalSeconds:0} s");

    public static void Progress(string section, string message) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"[{DateTime.Now:HH:mm:ss}] {section,-8} {message}"));
}
