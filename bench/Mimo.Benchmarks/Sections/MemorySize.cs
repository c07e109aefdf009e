using System.Globalization;
using System.Text.Json.Serialization;
using Mimo.Benchmarks.Hosting;
using Mimo.Benchmarks.Load;
using Mimo.Benchmarks.Reporting;

namespace Mimo.Benchmarks.Sections;

/// <summary>
/// The figures of one memory size: heap readings of the silo before and after N customers with
/// an open invoice each were imported, and (after − before) ÷ the customer activations added, which
/// is N when every customer was imported and is still active. The activation counts show it.
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
        answer is null ? null : BytesPerActivation(before, after),
        answer is null ? context.DidNotFinish("The import") : null);

    private static double? BytesPerActivation(HeapReading before, HeapReading after)
    {
        var added = after.CustomerActivations - before.CustomerActivations;
        return added > 0 ? Figures.Round((after.HeapBytes - before.HeapBytes) / (double)added, 0) : null;
    }
}
