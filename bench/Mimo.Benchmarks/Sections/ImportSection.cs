using System.Diagnostics;
using Mimo.Benchmarks.Hosting;
using Mimo.Benchmarks.Infrastructure;
using Mimo.Benchmarks.Load;
using Mimo.Benchmarks.Reporting;

namespace Mimo.Benchmarks.Sections;

/// <summary>
/// <c>import</c>: invoices per second through one <c>POST /v1/import</c> of customers and their
/// invoices (ten per customer), next to raw Npgsql upserts of as many invoice bodies with 64
/// statements in flight.
/// </summary>
internal static class ImportSection
{
    private const int InvoicesPerCustomer = 10;

    public static async Task<SectionReport> RunAsync(BenchContext context)
    {
        var sizes = context.SizesOf("import");
        var small = await MeasureAsync(context, sizes.Small);
        var large = await MeasureAsync(context, sizes.Large);
        return SectionReport.Create(
            "invoices per second through one POST /v1/import (customers first, then ten invoices each), durable",
            "ratio (engine ÷ rawUpsertsPerSecond) ≥ 1.0",
            large.Ratio,
            small.MillisecondsPerInvoice,
            large.MillisecondsPerInvoice,
            large.Ratio is { } ratio ? ratio >= 1.0 : null,
            [small, large]);
    }

    private static async Task<ImportSize> MeasureAsync(BenchContext context, int invoices)
    {
        var customers = invoices / InvoicesPerCustomer;
        var dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var file = ImportFile.Build(customers, InvoicesPerCustomer, _ => dueDate);
        await using var deployment = await Deployment.StartAsync(context.Postgres, smtp: null);
        using var tenant = await TenantApi.CreateAsync(deployment.ApiAddress, "Import Bench", context.Limit);
        await WarmUp.RunAsync(tenant, BenchContext.Concurrency, context.Limit);

        var cpu = CpuWatch.Start(deployment.CpuSources(context.Postgres));
        var started = Stopwatch.GetTimestamp();
        ImportAnswer? answer = null;
        try
        {
            answer = await tenant.ImportAsync(file, CancellationToken.None);
        }
        catch (TaskCanceledException)
        {
            // The HTTP client's timeout is the section's limit: recorded as not finished.
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var engineCpu = cpu.Stop();

        var raw = await RawLimit.MeasureAsync(
            context, deployment, invoices, customers, i => Payloads.InvoiceBody(i, dueDate));
        var result = ImportSize.From(context, invoices, customers, file.Length, elapsed, answer, engineCpu, raw);
        BenchContext.Progress("import", result.Summary);
        return result;
    }
}
