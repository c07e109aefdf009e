using Mimo.Deploy.Tests.Infrastructure;

namespace Mimo.Deploy.Tests.Kubernetes;

/// <summary>What <c>kubectl apply -k deploy/kubernetes</c> is made of.</summary>
public sealed class KustomizationTests
{
    /// <summary>The fields of a kustomization that the kustomize built into kubectl 1.20 knows.</summary>
    private static readonly string[] FieldsKubectl120Knows =
    [
        "apiVersion", "kind", "namespace", "namePrefix", "nameSuffix", "commonLabels", "commonAnnotations",
        "resources", "bases", "images", "patchesStrategicMerge", "patchesJson6902", "configMapGenerator",
        "secretGenerator", "generatorOptions", "vars", "crds",
    ];

    private static readonly string[] RbacKinds = ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ServiceAccount"];

    private readonly KubernetesManifests _manifests = KubernetesManifests.Load();

    [Fact]
    public void EveryManifestFile_IsListed_ExceptTheSecretTemplate()
    {
        var files = Directory.GetFiles(_manifests.Folder, "*.yaml")
            .Select(Path.GetFileName)
            .Where(file => file is not "kustomization.yaml" and not KubernetesManifests.SecretTemplateFile)
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, _manifests.Resources.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(KubernetesManifests.SecretTemplateFile, _manifests.Resources);
    }

    [Fact]
    public void EveryObject_HasAnApiVersionAKindAndAName()
    {
        Assert.NotEmpty(_manifests.Objects);
        foreach (var manifest in _manifests.Objects.Append(_manifests.SecretTemplate))
        {
            Assert.False(string.IsNullOrEmpty(manifest.Root.Text("apiVersion")), $"{manifest} has no apiVersion");
            Assert.False(string.IsNullOrEmpty(manifest.Kind), $"{manifest} has no kind");
            Assert.False(string.IsNullOrEmpty(manifest.Name), $"{manifest} has no name");
        }
    }

    [Fact]
    public void EveryObject_CarriesTheApplicationLabel()
    {
        foreach (var manifest in _manifests.Objects.Append(_manifests.SecretTemplate))
        {
            Assert.True(
                manifest.Labels.GetValueOrDefault("app.kubernetes.io/name") == "mimo-reminders",
                $"{manifest} is not labelled app.kubernetes.io/name=mimo-reminders");
        }
    }

    [Fact]
    public void EveryContainerImage_IsOneTheKustomizationOverrides()
    {
        var images = _manifests.Workloads.SelectMany(w => w.Containers).Select(c => c.Text("image")).ToList();

        Assert.All(images, image => Assert.Contains(image, _manifests.OverridableImages));
        Assert.All(_manifests.OverridableImages, image => Assert.Contains(image, images));
        Assert.All(
            _manifests.Kustomization.Maps("images"),
            image => Assert.False(string.IsNullOrEmpty(image.Text("newTag")), $"{image.Text("name")} has no newTag"));
    }

    [Fact]
    public void NoRbacObjects_AndNoPodTalksToTheKubernetesApi()
    {
        Assert.DoesNotContain(_manifests.Objects, o => RbacKinds.Contains(o.Kind));
        Assert.All(_manifests.Workloads, workload =>
        {
            Assert.Equal("false", workload.PodSpec.Text("automountServiceAccountToken"));
            Assert.Null(workload.PodSpec.Text("serviceAccountName"));
        });
    }

    [Fact]
    public void Kustomization_UsesOnlyFieldsTheKubectlOfDebian12Knows()
    {
        Assert.All(_manifests.Kustomization.Keys(), field => Assert.Contains(field, FieldsKubectl120Knows));
        Assert.Equal("mimo", _manifests.Kustomization.Text("namespace"));
    }
}
