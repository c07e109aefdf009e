using System.Globalization;
using System.Text.RegularExpressions;
using Mimo.Testing;
using YamlDotNet.RepresentationModel;

namespace Mimo.Deploy.Tests.Infrastructure;

/// <summary><c>docker-compose.yml</c> with its anchors and merge keys resolved, as Compose reads it.</summary>
public sealed partial class ComposeFile
{
    private ComposeFile(YamlMappingNode root) => Services = root.Map("services");

    public YamlMappingNode Services { get; }

    public static ComposeFile Load() =>
        new(Assert.Single(YamlNodes.LoadDocuments(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"))));

    /// <summary>The services built from <paramref name="dockerfile"/> (e.g. <c>src/Silo/Dockerfile</c>).</summary>
    public IReadOnlyList<string> BuiltFrom(string dockerfile) =>
        Services.Keys().Where(name => Service(name).Text("build", "dockerfile") == dockerfile).ToList();

    public YamlMappingNode Service(string name) => Services.Map(name);

    /// <summary>A service's environment, written either as a mapping or as a list of <c>NAME=value</c>.</summary>
    public IReadOnlyDictionary<string, string> Environment(string service)
    {
        var environment = Service(service).Child("environment");
        if (environment is YamlSequenceNode list)
        {
            return list.Children.OfType<YamlScalarNode>()
                .Select(entry => (entry.Value ?? "").Split('=', 2))
                .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
        }

        return (environment as YamlMappingNode).Pairs();
    }

    /// <summary>A Compose duration such as <c>45s</c> or <c>1m30s</c>; null when the service sets none.</summary>
    public TimeSpan? Duration(string service, string key)
    {
        var text = Service(service).Text(key);
        if (text is null)
        {
            return null;
        }

        var match = DurationPattern().Match(text);
        Assert.True(match.Success, $"{service}.{key} '{text}' is not a duration this test reads");
        return TimeSpan.FromHours(Number(match, "h")) + TimeSpan.FromMinutes(Number(match, "m"))
            + TimeSpan.FromSeconds(Number(match, "s"));
    }

    private static int Number(Match match, string unit) =>
        match.Groups[unit].Success ? int.Parse(match.Groups[unit].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?$")]
    private static partial Regex DurationPattern();
}
