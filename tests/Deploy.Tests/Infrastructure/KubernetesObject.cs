using YamlDotNet.RepresentationModel;

namespace Mimo.Deploy.Tests.Infrastructure;

/// <summary>One object of a manifest file, with what the tests ask of every kind.</summary>
public sealed class KubernetesObject(string file, YamlMappingNode root)
{
    public const string ComponentLabel = "app.kubernetes.io/component";

    public string File { get; } = file;

    public YamlMappingNode Root { get; } = root;

    public string Kind => Root.Text("kind") ?? "";

    public string Name => Root.Text("metadata", "name") ?? "";

    public IReadOnlyDictionary<string, string> Labels => Root.MapOrNull("metadata", "labels").Pairs();

    /// <summary>The <c>app.kubernetes.io/component</c> label: silo, api or migrate.</summary>
    public string? Component => Labels.GetValueOrDefault(ComponentLabel);

    public YamlMappingNode Spec => Root.Map("spec");

    /// <summary>The pod template of a Deployment or Job.</summary>
    public YamlMappingNode PodTemplate => Root.Map("spec", "template");

    public YamlMappingNode PodSpec => PodTemplate.Map("spec");

    public IReadOnlyDictionary<string, string> PodLabels => PodTemplate.MapOrNull("metadata", "labels").Pairs();

    /// <summary>The containers and init containers of the pod template.</summary>
    public IReadOnlyList<YamlMappingNode> Containers =>
        [.. PodSpec.Maps("initContainers"), .. PodSpec.Maps("containers")];

    /// <summary>The only container of the pod template; the workloads here each have one.</summary>
    public YamlMappingNode Container => Assert.Single(PodSpec.Maps("containers"));

    public override string ToString() => $"{Kind}/{Name} ({File})";
}
