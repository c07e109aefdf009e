using Mimo.Deploy.Tests.Infrastructure;
using Mimo.Silo.Hosting;

namespace Mimo.Deploy.Tests.Compose;

/// <summary>docker-compose.yml, the one-machine example, speaks the same settings as the Kubernetes manifests.</summary>
public sealed class ComposeFileTests
{
    private const string SiloDockerfile = "src/Silo/Dockerfile";
    private const string ApiDockerfile = "src/Api/Dockerfile";

    private readonly ComposeFile _compose = ComposeFile.Load();
    private readonly KubernetesManifests _kubernetes = KubernetesManifests.Load();

    private IReadOnlyList<string> Silos =>
        _compose.BuiltFrom(SiloDockerfile).Where(s => _compose.Service(s).Child("command") is null).ToList();

    private string Migration =>
        Assert.Single(_compose.BuiltFrom(SiloDockerfile), s => _compose.Service(s).Child("command") is not null);

    [Fact]
    public void ThereAreTwoSilos_AMigrationAndAnApi()
    {
        Assert.Equal(2, Silos.Count);
        Assert.Equal(["migrate"], _compose.Service(Migration).Texts("command"));
        Assert.Single(_compose.BuiltFrom(ApiDockerfile));
    }

    [Fact]
    public void EveryEnvironmentName_OfAMimoService_IsASettingMimoReads()
    {
        var services = _compose.BuiltFrom(SiloDockerfile).Concat(_compose.BuiltFrom(ApiDockerfile));

        foreach (var service in services)
        {
            Assert.All(
                _compose.Environment(service).Keys,
                name => Assert.True(KnownSettings.IsKnown(name), $"{service}: {name} is read by nothing"));
        }
    }

    [Fact]
    public void Silos_SetOnlyNamesTheKubernetesSilosSet_AndTheSameEssentials()
    {
        var kubernetes = EnvVar.Of(_kubernetes.Silo.Container).Select(env => env.Name).ToHashSet();
        string[] essentials = ["ConnectionStrings__Postgres", "Cluster__ClusterId", "Cluster__ServiceId", "Smtp__Host"];

        foreach (var silo in Silos)
        {
            var names = _compose.Environment(silo).Keys.ToList();
            Assert.All(names, name => Assert.Contains(name, kubernetes));
            Assert.All(essentials, name => Assert.Contains(name, names));
            Assert.All(essentials, name => Assert.Contains(name, kubernetes));
        }
    }

    [Fact]
    public void Api_SetsOnlyNamesTheKubernetesApiSets_AndRunsInClientMode()
    {
        var api = Assert.Single(_compose.BuiltFrom(ApiDockerfile));
        var kubernetes = EnvVar.Of(_kubernetes.Api.Container).Select(env => env.Name).ToHashSet();

        var environment = _compose.Environment(api);

        Assert.All(environment.Keys, name => Assert.Contains(name, kubernetes));
        Assert.Equal("Client", environment["Cluster__Role"]);
        Assert.Contains("Operator__ApiKey", environment.Keys);
    }

    [Fact]
    public void Migration_ReachesTheSameDatabaseAsTheSilos()
    {
        var database = _compose.Environment(Migration)["ConnectionStrings__Postgres"];

        Assert.All(Silos, silo => Assert.Equal(database, _compose.Environment(silo)["ConnectionStrings__Postgres"]));
    }

    [Fact]
    public void Silos_AreGivenLongerToStopThanTheirShutdownTimeout()
    {
        foreach (var silo in Silos)
        {
            var timeout = _compose.Environment(silo).TryGetValue("Silo__ShutdownTimeout", out var configured)
                ? TimeSpan.Parse(configured, System.Globalization.CultureInfo.InvariantCulture)
                : new SiloSettings().ShutdownTimeout;

            var grace = _compose.Duration(silo, "stop_grace_period") ?? TimeSpan.FromSeconds(10);

            Assert.True(grace > timeout, $"{silo}: stop_grace_period {grace} does not outlast Silo__ShutdownTimeout {timeout}");
        }
    }
}
