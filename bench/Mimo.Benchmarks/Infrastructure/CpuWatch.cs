using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mimo.Benchmarks.Infrastructure;

/// <summary>
/// Measures how many cores each process of the bench used over an interval: CPU seconds spent
/// divided by wall-clock seconds. On this 2-core machine a process at 2.0 had the machine to
/// itself, and a <c>machine</c> figure near 2.0 means the CPU was the limit. <c>others</c> is the
/// machine's figure less the processes named: anything else that ran meanwhile (another build on
/// the same machine, say), which the measurement then shared the CPU with.
/// </summary>
internal sealed class CpuWatch
{
    public const string Machine = "machine";
    public const string Others = "others";

    private readonly IReadOnlyDictionary<string, Func<double?>> _sources;
    private readonly Dictionary<string, double?> _start;
    private readonly long _startedAt;

    private CpuWatch(IReadOnlyDictionary<string, Func<double?>> sources)
    {
        _sources = sources;
        _start = sources.ToDictionary(s => s.Key, s => s.Value());
        _startedAt = Stopwatch.GetTimestamp();
    }

    public static CpuWatch Start(IReadOnlyDictionary<string, Func<double?>> sources) => new(sources);

    /// <summary>Cores used by each source since the start (null where it could not be read).</summary>
    public CpuUse Stop()
    {
        var seconds = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        var cores = _sources.ToDictionary(
            s => s.Key,
            s => s.Value() is { } end && _start[s.Key] is { } start && seconds > 0
                ? Math.Round((end - start) / seconds, 2)
                : (double?)null);
        if (cores.GetValueOrDefault(Machine) is { } machine)
        {
            var named = cores.Where(c => c.Key != Machine).Sum(c => c.Value ?? 0);
            cores[Others] = Math.Round(Math.Max(0, machine - named), 2);
        }

        return new CpuUse(cores);
    }
}

/// <summary>Average cores used per process over a measured interval; <c>machine</c> is all of them.</summary>
[JsonConverter(typeof(CpuUseJsonConverter))]
internal sealed record CpuUse(IReadOnlyDictionary<string, double?> Cores)
{
    public override string ToString() => string.Join(", ", Cores
        .Where(c => c.Value is not null)
        .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:0.00}")));
}

/// <summary>Writes a <see cref="CpuUse"/> as its plain map of process name to cores.</summary>
internal sealed class CpuUseJsonConverter : JsonConverter<CpuUse>
{
    public override CpuUse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<Dictionary<string, double?>>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, CpuUse value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Cores, options);
}
