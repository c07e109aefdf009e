using System.Globalization;
using System.Text.Json.Serialization;
using Mimo.Benchmarks.Infrastructure;
using Mimo.Benchmarks.Load;
using Mimo.Benchmarks.Reporting;

namespace Mimo.Benchmarks.Sections;

/// <summary>The figures of one ingest size; rates and ratio are null when the load did not finish.</summary>
internal sealed record IngestSize(
    int Invoices,
    int Customers,
    int Concurrency,
    double BodyBytes,
    double? Seconds,
    double? InvoicesPerSecond,
    int Failed,
    string? FirstError,
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
        $"{Invoices:N0} invoices: {InvoicesPerSecond:N0}/s ({Failed} failed); raw upserts {RawUpsertsPerSecond:N0}/s; "
        + $"ratio {Ratio:0.000}; cores: {Cpu}");

    public static IngestSize From(
        BenchContext context,
        LoadOutcome engine,
        CpuUse cpu,
        (LoadOutcome Outcome, CpuUse Cpu) raw,
        int customers,
        double bodyBytes)
    {
        double? rate = engine.Finished ? engine.PerSecond : null;
        double? rawRate = raw.Outcome.Finished ? raw.Outcome.PerSecond : null;
        var unfinished = !engine.Finished ? context.DidNotFinish("The HTTP load")
            : !raw.Outcome.Finished ? context.DidNotFinish("The raw upserts")
            : null;
        return new IngestSize(
            engine.Count,
            customers,
            BenchContext.Concurrency,
            Math.Round(bodyBytes),
            Figures.Seconds(engine.Elapsed),
            Figures.Round(rate, 1),
            engine.Failed,
            engine.FirstError,
            Figures.Seconds(raw.Outcome.Elapsed),
            Figures.Round(rawRate, 1),
            Figures.Round(rate / rawRate, 3),
            Figures.Round(1000 / rate, 3),
            cpu,
            raw.Cpu,
            unfinished);
    }
}
