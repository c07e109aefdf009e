using Mimo.Deploy.Tests.Infrastructure;

namespace Mimo.Deploy.Tests.Kubernetes;

/// <summary>The ConfigMap, the Secret template, and the settings the containers take from them.</summary>
public sealed class SettingsTests
{
    private readonly KubernetesManifests _manifests = KubernetesManifests.Load();

    private IReadOnlyDictionary<string, string> ConfigMapData => _manifests.ConfigMap.Root.MapOrNull("data").Pairs();

    private IReadOnlyDictionary<string, string> SecretKeys => _manifests.SecretTemplate.Root.MapOrNull("stringData").Pairs();

    private IEnumerable<(KubernetesObject Workload, EnvVar Env)> Environment =>
        _manifests.Workloads.SelectMany(w => w.Containers.SelectMany(EnvVar.Of).Select(env => (w, env)));

    [Fact]
    public void EveryConfigMapReference_NamesAKeyOfTheConfigMap()
    {
        foreach (var (workload, env) in Environment.Where(e => e.Env.Kind == EnvSource.ConfigMap))
        {
            Assert.Equal(_manifests.ConfigMap.Name, env.Source);
            Assert.True(ConfigMapData.ContainsKey(env.Reference ?? ""), $"{workload}: {env.Name} reads a missing key '{env.Reference}'");
        }
    }

    [Fact]
    public void EverySecretReference_NamesAKeyOfTheSecretTemplate()
    {
        Assert.Equal("Secret", _manifests.SecretTemplate.Kind);
        foreach (var (workload, env) in Environment.Where(e => e.Env.Kind == EnvSource.Secret))
        {
            Assert.Equal(_manifests.SecretTemplate.Name, env.Source);
            Assert.True(SecretKeys.ContainsKey(env.Reference ?? ""), $"{workload}: {env.Name} reads a missing key '{env.Reference}'");
        }
    }

    [Fact]
    public void EveryConfigMapAndSecretKey_IsReadBySomeContainer()
    {
        var read = Environment.Select(e => e.Env.Reference).ToHashSet();

        Assert.All(ConfigMapData.Keys.Concat(SecretKeys.Keys), key => Assert.Contains(key, read));
    }

    [Fact]
    public void EveryEnvironmentName_IsASettingMimoReads()
    {
        var names = Environment.Select(e => e.Env.Name).Concat(ConfigMapData.Keys).Concat(SecretKeys.Keys);

        Assert.All(names, name => Assert.True(KnownSettings.IsKnown(name), $"{name} is read by nothing"));
    }

    [Fact]
    public void EachSettingComesFromTheSameKey_WhereverItIsRead()
    {
        foreach (var env in Environment.Select(e => e.Env).Where(e => e.Kind is EnvSource.ConfigMap or EnvSource.Secret))
        {
            Assert.Equal(env.Name, env.Reference);
        }
    }

    [Fact]
    public void TheSecretTemplate_HoldsPlaceholdersOnly()
    {
        Assert.All(SecretKeys, pair => Assert.Contains("CHANGE-ME", pair.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyTheSmtpCredentials_MayBeMissing()
    {
        foreach (var (workload, env) in Environment.Where(e => e.Env.Optional))
        {
            Assert.True(env.Name is "Smtp__UserName" or "Smtp__Password", $"{workload}: {env.Name} is optional");
        }
    }
}
