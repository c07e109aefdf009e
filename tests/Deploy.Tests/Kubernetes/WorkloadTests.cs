using Mimo.Deploy.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Mimo.Deploy.Tests.Kubernetes;

/// <summary>What every Deployment and Job, and every container in them, must have.</summary>
public sealed class WorkloadTests
{
    private static readonly string[] ProbeNames = ["startupProbe", "readinessProbe", "livenessProbe"];

    private readonly KubernetesManifests _manifests = KubernetesManifests.Load();

    private IEnumerable<(KubernetesObject Workload, YamlMappingNode Container)> Containers =>
        _manifests.Workloads.SelectMany(w => w.Containers.Select(c => (w, c)));

    [Fact]
    public void TheSilosTheApiAndTheMigration_AreAllThere()
    {
        Assert.Equal(
            ["Deployment/mimo-api", "Deployment/mimo-silo", "Job/mimo-migrate"],
            _manifests.Workloads.Select(w => $"{w.Kind}/{w.Name}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryContainer_RequestsAndLimitsCpuAndMemory()
    {
        foreach (var (workload, container) in Containers)
        {
            foreach (var bound in new[] { "requests", "limits" })
            {
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.False(
                        string.IsNullOrEmpty(container.Text("resources", bound, resource)),
                        $"{workload}: resources.{bound}.{resource} is missing");
                }
            }
        }
    }

    [Fact]
    public void EveryContainer_RunsAsNonRoot_OnAReadOnlyRootFilesystem()
    {
        foreach (var (workload, container) in Containers)
        {
            var nonRoot = container.Text("securityContext", "runAsNonRoot")
                ?? workload.PodSpec.Text("securityContext", "runAsNonRoot");
            Assert.True(nonRoot == "true", $"{workload}: runAsNonRoot is not true");
            Assert.Equal("true", container.Text("securityContext", "readOnlyRootFilesystem"));
            Assert.Equal("false", container.Text("securityContext", "allowPrivilegeEscalation"));
            Assert.Equal(["ALL"], container.Map("securityContext", "capabilities").Texts("drop"));
        }
    }

    [Fact]
    public void EveryDeployment_HasAllThreeProbes_OnItsOwnPorts()
    {
        foreach (var deployment in _manifests.OfKind("Deployment"))
        {
            var ports = deployment.Container.Maps("ports").Select(p => p.Text("name")).ToList();
            foreach (var name in ProbeNames)
            {
                var probe = deployment.Container.MapOrNull(name);
                Assert.True(probe is not null, $"{deployment}: {name} is missing");
                var port = probe.Text("tcpSocket", "port") ?? probe.Text("httpGet", "port");
                Assert.True(ports.Contains(port), $"{deployment}: {name} targets '{port}', not a named port");
            }
        }
    }

    [Fact]
    public void EveryDeployment_SelectsItsOwnPods()
    {
        foreach (var deployment in _manifests.OfKind("Deployment"))
        {
            var selector = deployment.Spec.MapOrNull("selector", "matchLabels").Pairs();

            Assert.NotEmpty(selector);
            Assert.Equal([deployment], _manifests.WorkloadsSelectedBy(selector));
            Assert.Equal(deployment.Component, deployment.PodLabels.GetValueOrDefault(KubernetesObject.ComponentLabel));
        }
    }

    [Fact]
    public void EveryVolumeMount_NamesAVolumeOfItsPod()
    {
        foreach (var (workload, container) in Containers)
        {
            var volumes = workload.PodSpec.Maps("volumes").Select(v => v.Text("name")).ToList();
            Assert.All(container.Maps("volumeMounts"), mount => Assert.Contains(mount.Text("name"), volumes));
        }
    }

    [Fact]
    public void EveryField_IsOneKubernetesDefines()
    {
        foreach (var workload in _manifests.Workloads)
        {
            AssertKnown(workload, workload.Spec, workload.Kind == "Job" ? KubernetesFields.Job : KubernetesFields.Deployment);
            AssertKnown(workload, workload.PodSpec, KubernetesFields.PodSpec);
            foreach (var container in workload.Containers)
            {
                AssertKnown(workload, container, KubernetesFields.Container);
                AssertKnown(workload, container.MapOrNull("resources"), KubernetesFields.Resources);
                AssertKnown(workload, container.MapOrNull("securityContext"), KubernetesFields.ContainerSecurityContext);
                foreach (var probe in ProbeNames)
                {
                    AssertKnown(workload, container.MapOrNull(probe), KubernetesFields.Probe);
                }
            }
        }
    }

    private static void AssertKnown(KubernetesObject workload, YamlMappingNode? map, IReadOnlySet<string> fields)
    {
        foreach (var key in map?.Keys() ?? [])
        {
            Assert.True(fields.Contains(key), $"{workload}: '{key}' (line {map!.Start.Line}) is not a Kubernetes field here");
        }
    }
}
