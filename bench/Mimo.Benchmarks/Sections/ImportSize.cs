using System.Globalization;
using System.Text.Json.Serialization;
using Mimo.Benchmarks.Infrastructure;
using Mimo.Benchmarks.Load;
using Mimo.Benchmarks.Reporting;

namespace Mimo.Benchmarks.Sections;

/// <summary>The figures of one import size; rates and ratio are null when the import did not finish.</summary>
internal sealed record ImportSize(
    int Invoices,
    int Customers,
    int Lines,
    long Bytes,
    double? Seconds,
    double? InvoicesPerSecond,
    int? Accepted,
    int? Rejected,
    string? FirstRejection,
    double? RawSeconds,
    double? RawUpsertsPerSecond,
    double? Ratio,
    double? MillisecondsPerInvoice,
    CpuUse Cpu,
    CpuUse RawCpu,
    string? DidNotFinish)
{
    [JsonIgnore]
    public string Summary => DidNotFinish ?? string.Create(
        CultureInfo.InvariantCulture,
        $"{Invoices:N0} invoices over {Customers:N0} customers: {InvoicesPerSecond:N0}/s ({Rejected} lines rejected); "
        + $"raw upserts {RawUpsertsPerSecond:N0}/s; ratio {Ratio:0.000}; cores: {Cpu}");

    public static ImportSize From(
        BenchContext context,
        int invoices,
        int customers,
        long bytes,
        TimeSpan elapsed,
        ImportAnswer? answer,
        CpuUse cpu,
        (LoadOutcome Outcome, CpuUse Cpu) raw)
    {
        double? rate = answer is null ? null : invoices / elapsed.TotalSeconds;
        double? rawRate = raw.Outcome.Finished ? raw.Outcome.PerSecond : null;
        var unfinished = answer is null ? context.DidNotFinish("The import")
            : !raw.Outcome.Finished ? context.DidNotFinish("The raw upserts")
            : null;
        return new ImportSize(
            invoices,
            customers,
            invoices + customers,
            bytes,
            Figures.Seconds(elapsed),
            Figures.Round(rate, 1),
            answer?.Accepted,
            answer?.Rejected,
            answer?.FirstError,
            Figures.Seconds(raw.Outcome.Elapsed),
            Figures.Round(rawRate, 1),
            Figures.Round(rate / rawRate, 3),
            Figures.Round(1000 / rate, 3),
            cpu,
            raw.Cpu,
            unfinished);
    }
}
