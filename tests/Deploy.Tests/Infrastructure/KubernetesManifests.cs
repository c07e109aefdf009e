using Mimo.Testing;
using YamlDotNet.RepresentationModel;

namespace Mimo.Deploy.Tests.Infrastructure;

/// <summary>
/// <c>deploy/kubernetes</c> as the tests see it: the kustomization, every object of the files it
/// lists, and the Secret template that it deliberately does not list.
/// </summary>
public sealed class KubernetesManifests
{
    public const string SecretTemplateFile = "secret.example.yaml";

    private KubernetesManifests(string folder, YamlMappingNode kustomization, IReadOnlyList<KubernetesObject> objects)
    {
        Folder = folder;
        Kustomization = kustomization;
        Objects = objects;
        SecretTemplate = Assert.Single(LoadObjects(folder, SecretTemplateFile));
    }

    public static string ShippedFolder { get; } = Path.Combine(RepositoryPaths.Root, "deploy", "kubernetes");

    public string Folder { get; }

    public YamlMappingNode Kustomization { get; }

    /// <summary>What <c>kubectl apply -k</c> sends, before kustomize sets the namespace and images.</summary>
    public IReadOnlyList<KubernetesObject> Objects { get; }

    public KubernetesObject SecretTemplate { get; }

    public IReadOnlyList<string> Resources => Kustomization.Texts("resources");

    /// <summary>The image names that the kustomization's <c>images:</c> lets operators override.</summary>
    public IReadOnlyList<string> OverridableImages =>
        Kustomization.Maps("images").Select(image => image.Text("name") ?? "").ToList();

    public KubernetesObject Silo => Workload("Deployment", "silo");

    public KubernetesObject Api => Workload("Deployment", "api");

    public KubernetesObject Migration => Workload("Job", "migrate");

    public KubernetesObject ConfigMap => Assert.Single(OfKind("ConfigMap"));

    public IReadOnlyList<KubernetesObject> Workloads =>
        Objects.Where(o => o.Kind is "Deployment" or "Job" or "StatefulSet" or "DaemonSet" or "CronJob").ToList();

    public static KubernetesManifests Load() => Load(ShippedFolder);

    public static KubernetesManifests Load(string folder)
    {
        var kustomization = Assert.Single(YamlNodes.LoadDocuments(Path.Combine(folder, "kustomization.yaml")));
        var objects = kustomization.Texts("resources").SelectMany(file => LoadObjects(folder, file)).ToList();
        return new KubernetesManifests(folder, kustomization, objects);
    }

    public IReadOnlyList<KubernetesObject> OfKind(string kind) => Objects.Where(o => o.Kind == kind).ToList();

    /// <summary>The one object of <paramref name="kind"/> whose component label is <paramref name="component"/>.</summary>
    public KubernetesObject Workload(string kind, string component)
    {
        var matches = OfKind(kind).Where(o => o.Component == component).ToList();
        Assert.True(matches.Count == 1, $"Expected one {kind} labelled {KubernetesObject.ComponentLabel}={component}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The workloads whose pod template carries every label of <paramref name="selector"/>.</summary>
    public IReadOnlyList<KubernetesObject> WorkloadsSelectedBy(IReadOnlyDictionary<string, string> selector) =>
        Workloads.Where(w => selector.All(label => w.PodLabels.GetValueOrDefault(label.Key) == label.Value)).ToList();

    private static IEnumerable<KubernetesObject> LoadObjects(string folder, string file) =>
        YamlNodes.LoadDocuments(Path.Combine(folder, file)).Select(root => new KubernetesObject(file, root));
}
