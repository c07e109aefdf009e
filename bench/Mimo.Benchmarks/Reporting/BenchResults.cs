using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Mimo.Benchmarks.Infrastructure;

namespace Mimo.Benchmarks.Reporting;

/// <summary>
/// <c>bench-results.json</c>: the mode, the machine, the settings that shape the figures, and one
/// object per section that ran, in the order they ran.
/// </summary>
internal sealed class BenchResults
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly string _path;
    private readonly JsonObject _root;

    public BenchResults(string path, string mode, MachineInfo machine, IReadOnlyDictionary<string, object> settings)
    {
        _path = path;
        _root = new JsonObject
        {
            ["mode"] = mode,
            ["startedAt"] = DateTimeOffset.UtcNow,
            ["durationSeconds"] = 0,
            ["machine"] = JsonSerializer.SerializeToNode(machine, JsonOptions),
            ["settings"] = JsonSerializer.SerializeToNode(settings, JsonOptions),
        };
    }

    public void Add(string section, object report) =>
        _root[section] = JsonSerializer.SerializeToNode(report, report.GetType(), JsonOptions);

    public async Task WriteAsync(TimeSpan elapsed)
    {
        _root["durationSeconds"] = Math.Round(elapsed.TotalSeconds);
        var folder = Path.GetDirectoryName(Path.GetFullPath(_path));
        Directory.CreateDirectory(folder!);
        await File.WriteAllTextAsync(_path, _root.ToJsonString(JsonOptions) + "\n");
    }
}
