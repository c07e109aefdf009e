using YamlDotNet.RepresentationModel;

namespace Mimo.Deploy.Tests.Infrastructure;

/// <summary>Where a value of a container's environment comes from.</summary>
public enum EnvSource
{
    Literal,
    Field,
    ConfigMap,
    Secret,
    Other,
}

/// <summary>
/// One <c>env</c> entry of a container: a literal value, a downward-API field
/// (<see cref="Reference"/> is the field path), or a key (<see cref="Reference"/>) of a ConfigMap
/// or Secret (<see cref="Source"/> names it).
/// </summary>
public sealed record EnvVar(string Name, EnvSource Kind, string? Value, string? Source, string? Reference, bool Optional)
{
    public static IReadOnlyList<EnvVar> Of(YamlMappingNode container) =>
        container.Maps("env").Select(Parse).ToList();

    /// <summary>The entry named <paramref name="name"/> of the container's environment; fails the test when absent.</summary>
    public static EnvVar Named(YamlMappingNode container, string name) =>
        Of(container).SingleOrDefault(env => env.Name == name)
            ?? throw new Xunit.Sdk.XunitException($"The container '{container.Text("name")}' does not set {name}.");

    private static EnvVar Parse(YamlMappingNode entry)
    {
        var name = entry.Text("name") ?? "";
        if (entry.Text("value") is { } value)
        {
            return new EnvVar(name, EnvSource.Literal, value, null, null, false);
        }

        if (entry.Text("valueFrom", "fieldRef", "fieldPath") is { } fieldPath)
        {
            return new EnvVar(name, EnvSource.Field, null, null, fieldPath, false);
        }

        if (entry.MapOrNull("valueFrom", "configMapKeyRef") is { } configMap)
        {
            return FromKey(name, EnvSource.ConfigMap, configMap);
        }

        return entry.MapOrNull("valueFrom", "secretKeyRef") is { } secret
            ? FromKey(name, EnvSource.Secret, secret)
            : new EnvVar(name, EnvSource.Other, null, null, null, false);
    }

    private static EnvVar FromKey(string name, EnvSource kind, YamlMappingNode reference) =>
        new(name, kind, null, reference.Text("name"), reference.Text("key"), reference.Text("optional") == "true");
}
