using Mimo.Deploy.Tests.Infrastructure;

namespace Mimo.Deploy.Tests.Kubernetes;

/// <summary>The Job that applies the migrations before the silos of a release.</summary>
public sealed class MigrationJobTests
{
    private readonly KubernetesManifests _manifests = KubernetesManifests.Load();

    [Fact]
    public void Job_RunsMigrate_WithTheSiloImage()
    {
        var job = _manifests.Migration.Container;

        Assert.Equal(["migrate"], job.Texts("args"));
        Assert.Empty(job.Texts("command"));
        Assert.Equal(_manifests.Silo.Container.Text("image"), job.Text("image"));
    }

    [Fact]
    public void Job_ReachesTheSilosDatabase()
    {
        var job = EnvVar.Named(_manifests.Migration.Container, "ConnectionStrings__Postgres");
        var silo = EnvVar.Named(_manifests.Silo.Container, "ConnectionStrings__Postgres");

        Assert.Equal(EnvSource.Secret, job.Kind);
        Assert.Equal((silo.Source, silo.Reference), (job.Source, job.Reference));
    }

    [Fact]
    public void Job_RetriesAFewTimes_InFreshPods()
    {
        var spec = _manifests.Migration.Spec;

        Assert.Equal("Never", _manifests.Migration.PodSpec.Text("restartPolicy"));
        Assert.InRange(spec.Int("backoffLimit") ?? 6, 1, 10);
        Assert.NotNull(spec.Int("activeDeadlineSeconds"));
    }
}
