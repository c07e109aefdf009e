using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Mimo.Deploy.Tests.Infrastructure;

/// <summary>Reading YAML files and walking their mappings by key, with errors that say what is missing.</summary>
public static class YamlNodes
{
    /// <summary>Every document of a file, with merge keys (<c>&lt;&lt;: *anchor</c>) applied.</summary>
    public static IReadOnlyList<YamlMappingNode> LoadDocuments(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents
            .Select(document => document.RootNode as YamlMappingNode
                ?? throw new InvalidDataException($"{path}: a document is not a mapping (line {document.RootNode.Start.Line})."))
            .ToList();
    }

    public static YamlNode? Child(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The mapping at <paramref name="path"/>, or null when any step is missing.</summary>
    public static YamlMappingNode? MapOrNull(this YamlMappingNode map, params string[] path)
    {
        YamlMappingNode? current = map;
        foreach (var key in path)
        {
            current = current?.Child(key) as YamlMappingNode;
        }

        return current;
    }

    /// <summary>The mapping at <paramref name="path"/>; throws, naming the path, when it is missing.</summary>
    public static YamlMappingNode Map(this YamlMappingNode map, params string[] path) =>
        map.MapOrNull(path) ?? throw Missing(map, path);

    /// <summary>The scalar at <paramref name="path"/>, or null when any step is missing.</summary>
    public static string? Text(this YamlMappingNode map, params string[] path)
    {
        var parent = path.Length == 1 ? map : map.MapOrNull(path[..^1]);
        return (parent?.Child(path[^1]) as YamlScalarNode)?.Value;
    }

    /// <summary>The integer at <paramref name="path"/>, or null when it is missing.</summary>
    public static int? Int(this YamlMappingNode map, params string[] path)
    {
        var text = map.Text(path);
        return text is null ? null : int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    /// <summary>The mappings of the sequence under <paramref name="key"/>; empty when there is none.</summary>
    public static IReadOnlyList<YamlMappingNode> Maps(this YamlMappingNode map, string key) =>
        map.Child(key) is YamlSequenceNode sequence ? sequence.Children.OfType<YamlMappingNode>().ToList() : [];

    /// <summary>The scalars of the sequence under <paramref name="key"/>; empty when there is none.</summary>
    public static IReadOnlyList<string> Texts(this YamlMappingNode map, string key) =>
        map.Child(key) is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList()
            : [];

    public static IReadOnlyList<string> Keys(this YamlMappingNode map) =>
        map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").ToList();

    /// <summary>A mapping of scalars (labels, a selector, a ConfigMap's data) as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Pairs(this YamlMappingNode? map) =>
        map is null
            ? new Dictionary<string, string>()
            : map.Children.ToDictionary(
                pair => ((YamlScalarNode)pair.Key).Value ?? "",
                pair => (pair.Value as YamlScalarNode)?.Value ?? "");

    private static InvalidDataException Missing(YamlMappingNode map, string[] path) =>
        new($"'{string.Join('.', path)}' is missing under the mapping at line {map.Start.Line}.");
}
