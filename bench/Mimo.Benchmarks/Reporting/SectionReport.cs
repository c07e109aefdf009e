namespace Mimo.Benchmarks.Reporting;

/// <summary>
/// One section of <c>bench-results.json</c>: what it measures, its target, the ratio at the large
/// size (engine ÷ limit for rates, engine ÷ bare for times; null where there is nothing to
/// compare with), how the cost per item grew from the small size to the large one (large ÷
/// small), and the figures of each size.
/// </summary>
internal sealed record SectionReport(
    string Measures,
    string Target,
    double? Ratio,
    double? CostGrowth,
    bool? MeetsTarget,
    bool? CostFlat,
    IReadOnlyList<object> Sizes)
{
    /// <summary>"Flat" per the targets: the cost per item grew by at most 25 % over a tenfold size.</summary>
    public const double FlatCostGrowth = 1.25;

    public static SectionReport Create(
        string measures,
        string target,
        double? ratio,
        double? smallCostPerItem,
        double? largeCostPerItem,
        bool? meetsTarget,
        IReadOnlyList<object> sizes)
    {
        var growth = smallCostPerItem is > 0 && largeCostPerItem is { } large
            ? Figures.Round(large / smallCostPerItem.Value, 3)
            : null;
        bool? flat = growth is null ? null : growth <= FlatCostGrowth;
        return new SectionReport(measures, target, ratio, growth, meetsTarget, flat, sizes);
    }
}
