using System.Diagnostics;
using Mimo.Benchmarks.Hosting;
using Mimo.Benchmarks.Load;
using Mimo.Benchmarks.Reporting;

namespace Mimo.Benchmarks.Sections;

/// <summary>
/// <c>memory</c>: the silo's managed heap per active customer grain with one open invoice. The
/// heap is read after a full compacting collection before and right after N customers and their
/// invoices are imported (the grains are then active: idle deactivation takes 15 minutes), and
/// the difference is divided by N. A warm-up on customers of its own comes first.
/// </summary>
internal static class MemorySection
{
    public static async Task<SectionReport> RunAsync(BenchContext context)
    {
        var sizes = context.SizesOf("memory");
        var small = await MeasureAsync(context, sizes.Small);
        var large = await MeasureAsync(context, sizes.Large);
        return SectionReport.Create(
            "managed heap bytes per active customer grain with one open invoice, in the silo process",
            "bytesPerGrain ≤ 4096 at 100k customers",
            ratio: null,
            small.BytesPerGrain,
            large.BytesPerGrain,
            // The figure describes N customers only when the import took every one of them.
            large.BytesPerGrain is { } bytes ? bytes <= 4096 && large.Rejected == 0 : null,
            [small, large]);
    }

    private static async Task<MemorySize> MeasureAsync(BenchContext context, int customers)
    {
        var dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await using var deployment = await Deployment.StartAsync(context.Postgres, smtp: null);
        using var tenant = await TenantApi.CreateAsync(deployment.ApiAddress, "Memory Bench", context.Limit);
        await WarmUp.RunAsync(tenant, BenchContext.Concurrency, context.Limit);
        var file = ImportFile.Build(customers, 1, _ => dueDate);

        var before = await deployment.ReadHeapAsync();
        var started = Stopwatch.GetTimestamp();
        ImportAnswer? answer = null;
        try
        {
            answer = await tenant.ImportAsync(file, CancellationToken.None);
        }
        catch (TaskCanceledException)
        {
            // Recorded as not finished below.
        }

        var importSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var after = await deployment.ReadHeapAsync();
        var result = MemorySize.From(context, customers, before, after, importSeconds, answer);
        BenchContext.Progress("memory", result.Summary);
        return result;
    }
}
