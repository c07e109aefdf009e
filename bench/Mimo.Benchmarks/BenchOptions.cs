namespace Mimo.Benchmarks;

/// <summary>The command line: <c>--out &lt;file&gt;</c> (required), <c>--quick</c>, <c>--only a,b</c>.</summary>
internal sealed record BenchOptions(string OutPath, bool Quick, IReadOnlyList<string> Sections)
{
    public const string Usage =
        "usage: dotnet run -c Release --project bench/Mimo.Benchmarks -- --out <file> [--quick] [--only "
        + "ingest,import,dispatch,memory,restart]";

    public static readonly IReadOnlyList<string> AllSections = ["ingest", "import", "dispatch", "memory", "restart"];

    public bool Runs(string section) => Sections.Contains(section);

    public static bool TryParse(string[] args, out BenchOptions options, out string error)
    {
        string? outPath = null;
        var quick = false;
        IReadOnlyList<string> sections = AllSections;
        options = new BenchOptions("", false, sections);

        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--out" when i + 1 < args.Length:
                    outPath = args[++i];
                    break;
                case "--only" when i + 1 < args.Length:
                    sections = args[++i].Split(
                        ',',
                        StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                default:
                    error = $"Unknown or incomplete argument '{args[i]}'.";
                    return false;
            }
        }

        var unknown = sections.Except(AllSections, StringComparer.Ordinal).ToList();
        error = outPath is null ? "--out <file> is required."
            : unknown.Count > 0 ? $"Unknown section(s) in --only: {string.Join(", ", unknown)}."
            : "";
        options = new BenchOptions(outPath ?? "", quick, sections);
        return error.Length == 0;
    }
}
