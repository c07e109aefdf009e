using Mimo.Benchmarks.Hosting;
using Mimo.Benchmarks.Infrastructure;
using Mimo.Benchmarks.Load;
using Mimo.Benchmarks.Reporting;

namespace Mimo.Benchmarks.Sections;

/// <summary>
/// <c>ingest</c>: invoices per second through <c>PUT /v1/customers/{id}/invoices/{id}</c> with 64
/// requests in flight, ten invoices per customer (the customers are imported first, untimed), next
/// to raw Npgsql upserts of the same bodies at the same concurrency. Both are warmed up first.
/// </summary>
internal static class IngestSection
{
    private const int InvoicesPerCustomer = 10;

    public static async Task<SectionReport> RunAsync(BenchContext context)
    {
        var sizes = context.SizesOf("ingest");
        var small = await MeasureAsync(context, sizes.Small);
        var large = await MeasureAsync(context, sizes.Large);
        return SectionReport.Create(
            "invoices per second through PUT …/invoices/{id} over HTTP, 64 in flight, durable",
            "ratio (engine ÷ rawUpsertsPerSecond) ≥ 0.5",
            large.Ratio,
            small.MillisecondsPerInvoice,
            large.MillisecondsPerInvoice,
            large.Ratio is { } ratio ? ratio >= 0.5 : null,
            [small, large]);
    }

    private static async Task<IngestSize> MeasureAsync(BenchContext context, int invoices)
    {
        var customers = invoices / InvoicesPerCustomer;
        var dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        await using var deployment = await Deployment.StartAsync(context.Postgres, smtp: null);
        using var tenant = await TenantApi.CreateAsync(deployment.ApiAddress, "Ingest Bench", context.Limit);
        await tenant.ImportAsync(ImportFile.Customers(customers), CancellationToken.None);
        await WarmUp.RunAsync(tenant, BenchContext.Concurrency, context.Limit);

        var bodies = Enumerable.Range(0, invoices).Select(i => Payloads.InvoiceBody(i, dueDate)).ToArray();
        var paths = Enumerable.Range(0, invoices)
            .Select(i => $"/v1/customers/{Payloads.CustomerId(i % customers)}/invoices/{Payloads.InvoiceId(i)}")
            .ToArray();
        var cpu = CpuWatch.Start(deployment.CpuSources(context.Postgres));
        var engine = await ConcurrentLoad.RunAsync(invoices, BenchContext.Concurrency, context.Limit,
            (i, cancellationToken) => tenant.PutAsync(paths[i], bodies[i], cancellationToken));
        var engineCpu = cpu.Stop();

        var raw = await RawLimit.MeasureAsync(context, deployment, invoices, customers, i => bodies[i]);
        var result = IngestSize.From(context, engine, engineCpu, raw, customers, bodies.Average(b => b.Length));
        BenchContext.Progress("ingest", result.Summary);
        return result;
    }
}
