using System.Globalization;
using Mimo.Deploy.Tests.Infrastructure;
using Mimo.Silo.Hosting;

namespace Mimo.Deploy.Tests.Kubernetes;

/// <summary>The silo Deployment and its PodDisruptionBudget: what keeps reminders owned while silos come and go.</summary>
public sealed class SiloDeploymentTests
{
    /// <summary>Time the process gets, after the silo's own shutdown timeout, to exit before it is killed.</summary>
    private static readonly TimeSpan ExitMargin = TimeSpan.FromSeconds(10);

    private readonly KubernetesManifests _manifests = KubernetesManifests.Load();

    private KubernetesObject Silo => _manifests.Silo;

    [Fact]
    public void Replicas_AreAtLeastTwo()
    {
        Assert.True(Silo.Spec.Int("replicas") >= 2, $"replicas is {Silo.Spec.Text("replicas") ?? "unset (1)"}");
    }

    [Fact]
    public void RollingUpdate_StartsTheNewSiloBeforeStoppingAnOldOne()
    {
        var strategy = Silo.Spec.Map("strategy");

        Assert.Equal("RollingUpdate", strategy.Text("type"));
        Assert.Contains(strategy.Text("rollingUpdate", "maxUnavailable"), new[] { "0", "0%" });
        Assert.True(strategy.Int("rollingUpdate", "maxSurge") >= 1);
    }

    [Fact]
    public void DisruptionBudget_SelectsTheSiloPodsAndNothingElse()
    {
        var budgets = _manifests.OfKind("PodDisruptionBudget")
            .Where(pdb => _manifests.WorkloadsSelectedBy(Selector(pdb)).Contains(Silo))
            .ToList();

        var budget = Assert.Single(budgets);
        Assert.Equal("policy/v1", budget.Root.Text("apiVersion"));
        Assert.Equal([Silo], _manifests.WorkloadsSelectedBy(Selector(budget)));
        Assert.True(
            budget.Spec.Int("maxUnavailable") == 1 || budget.Spec.Int("minAvailable") >= 1,
            "the budget must let at most one silo go at a time");
    }

    [Fact]
    public void AdvertisedAddressAndName_ComeFromThePod()
    {
        var address = EnvVar.Named(Silo.Container, "Cluster__AdvertisedAddress");
        var name = EnvVar.Named(Silo.Container, "Cluster__SiloName");

        Assert.Equal((EnvSource.Field, "status.podIP"), (address.Kind, address.Reference));
        Assert.Equal((EnvSource.Field, "metadata.name"), (name.Kind, name.Reference));
    }

    [Theory]
    [InlineData("silo", "Cluster__SiloPort")]
    [InlineData("gateway", "Cluster__GatewayPort")]
    public void Port_IsNamed_AndIsThePortTheSiloIsTold(string portName, string setting)
    {
        var port = Assert.Single(Silo.Container.Maps("ports"), p => p.Text("name") == portName);

        var configured = EnvVar.Named(Silo.Container, setting);

        Assert.Equal(EnvSource.Literal, configured.Kind);
        Assert.Equal(configured.Value, port.Text("containerPort"));
    }

    [Fact]
    public void StartupAndReadiness_ProbeTheGatewayPort()
    {
        foreach (var probe in new[] { "startupProbe", "readinessProbe" })
        {
            Assert.Equal("gateway", Silo.Container.Text(probe, "tcpSocket", "port"));
        }
    }

    [Fact]
    public void Liveness_ProbesTheProcess_NotItsDependencies()
    {
        var liveness = Silo.Container.Map("livenessProbe");

        Assert.Equal("silo", liveness.Text("tcpSocket", "port"));
        Assert.True(liveness.Int("failureThreshold") >= 3);
    }

    [Fact]
    public void TerminationGracePeriod_OutlastsTheSilosShutdownTimeout()
    {
        var shutdownTimeout = ConfiguredShutdownTimeout();

        var grace = TimeSpan.FromSeconds(Silo.PodSpec.Int("terminationGracePeriodSeconds") ?? 30);

        Assert.True(
            grace >= shutdownTimeout + ExitMargin,
            $"terminationGracePeriodSeconds ({grace.TotalSeconds}) must be at least {ExitMargin.TotalSeconds} s " +
            $"longer than Silo__ShutdownTimeout ({shutdownTimeout})");
    }

    private TimeSpan ConfiguredShutdownTimeout()
    {
        var setting = EnvVar.Of(Silo.Container).SingleOrDefault(env => env.Name == "Silo__ShutdownTimeout");
        var text = setting?.Kind == EnvSource.ConfigMap
            ? _manifests.ConfigMap.Root.MapOrNull("data").Pairs().GetValueOrDefault(setting.Reference ?? "")
            : setting?.Value;
        return text is null ? new SiloSettings().ShutdownTimeout : TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }

    private static IReadOnlyDictionary<string, string> Selector(KubernetesObject budget) =>
        budget.Spec.MapOrNull("selector", "matchLabels").Pairs();
}
