namespace Mimo.Benchmarks.Reporting;

/// <summary>Rounding for the results, so that the JSON shows figures and not noise.</summary>
internal static class Figures
{
    public static double? Round(double? value, int decimals) =>
        value is { } v && double.IsFinite(v) ? Math.Round(v, decimals) : null;

    public static double? Seconds(TimeSpan? value) => Round(value?.TotalSeconds, 3);

    /// <summary>The value at quantile <paramref name="q"/> (0–1) of sorted values, nearest rank.</summary>
    public static double? Quantile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
}
