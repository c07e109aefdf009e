using Mimo.Benchmarks.Hosting;
using Mimo.Benchmarks.Infrastructure;
using Mimo.Benchmarks.Load;

namespace Mimo.Benchmarks.Sections;

/// <summary>
/// Measures <see cref="RawUpserts"/> on a database of its own on the same server, while the
/// deployment stands idle, with the CPU of the same processes watched.
/// </summary>
internal static class RawLimit
{
    public static async Task<(LoadOutcome Outcome, CpuUse Cpu)> MeasureAsync(
        BenchContext context,
        Deployment deployment,
        int rows,
        int customers,
        Func<int, byte[]> body)
    {
        var connectionString = await context.Postgres.CreateDatabaseAsync("mimo_bench_raw");
        var cpu = CpuWatch.Start(deployment.CpuSources(context.Postgres));
        var outcome = await RawUpserts.RunAsync(
            connectionString, rows, customers, BenchContext.Concurrency, context.Limit, body);
        return (outcome, cpu.Stop());
    }
}
