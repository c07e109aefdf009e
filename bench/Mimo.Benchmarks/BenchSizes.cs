namespace Mimo.Benchmarks;

/// <summary>
/// The two sizes each section runs at, the second ten times the first. The full run's large sizes
/// are the product owner's (100k invoices to import, 10,000 emails due at once, 100k customers and
/// reminders); a quick run divides every size by ten.
/// </summary>
internal sealed record BenchSizes(int Small, int Large)
{
    private const int QuickDivisor = 10;

    public IEnumerable<int> Both => [Small, Large];

    public static BenchSizes For(string section, bool quick)
    {
        var large = section switch
        {
            "ingest" => 50_000,
            "import" => 100_000,
            "dispatch" => 10_000,
            "memory" => 100_000,
            "restart" => 100_000,
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, "Not a section."),
        };
        if (quick)
        {
            large /= QuickDivisor;
        }

        return new BenchSizes(large / 10, large);
    }
}
