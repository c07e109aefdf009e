using System.Globalization;
using System.Text.Json.Serialization;
using Mimo.Benchmarks.Hosting;
using Mimo.Benchmarks.Load;
using Mimo.Benchmarks.Reporting;

namespace Mimo.Benchmarks.Sections;

/// <summary>
/// The figures of one memory size: heap readings of the silo before and after N customers with
/// an open invoice each were imported, and (after − before) ÷ N. The customer activation counts
/// show that the customers were still active when the heap was read.
/// </summary>
internal sealed record MemorySize(
    int Customers,
    double ImportSeconds,
    int? Rejected,
    HeapReading Before,
    HeapReading After,
    double? BytesPerGrain,
    string? DidNotFinish)
{
    [JsonIgnore]
    public string Summary => DidNotFinish ?? string.Create(
        CultureInfo.InvariantCulture,
        $"{Customers:N0} active customers: {BytesPerGrain:N0} bytes each (heap {Before.HeapBytes / 1048576.0:N1} → "
        + $"{After.HeapBytes / 1048576.0:N1} MiB, customer activations {Before.CustomerActivations:N0} → "
        + $"{After.CustomerActivations:N0})");

    public static MemorySize From(
        BenchContext context,
        int customers,
        HeapReading before,
        HeapReading after,
        double importSeconds,
        ImportAnswer? answer) => new(
        customers,
        Math.Round(importSeconds, 3),
        answer?.Rejected,
        before,
        after,
        answer is null ? null : Figures.Round((after.HeapBytes - before.HeapBytes) / (double)customers, 0),
        answer is null ? context.DidNotFinish("The import") : null);
}
