using Microsoft.Extensions.Hosting;
using Mimo.Deploy.Tests.Infrastructure;

namespace Mimo.Deploy.Tests.Kubernetes;

/// <summary>The API Deployment in client mode and the Service in front of it.</summary>
public sealed class ApiDeploymentTests
{
    private readonly KubernetesManifests _manifests = KubernetesManifests.Load();

    private KubernetesObject Api => _manifests.Api;

    [Fact]
    public void RunsInClientMode_WithWhatClientModeNeeds()
    {
        var role = EnvVar.Named(Api.Container, "Cluster__Role");

        Assert.Equal((EnvSource.Literal, "Client"), (role.Kind, role.Value));
        Assert.Equal(EnvSource.Secret, EnvVar.Named(Api.Container, "ConnectionStrings__Postgres").Kind);
        Assert.Equal(EnvSource.Secret, EnvVar.Named(Api.Container, "Operator__ApiKey").Kind);
    }

    [Theory]
    [InlineData("startupProbe", "/health/live")]
    [InlineData("readinessProbe", "/health/ready")]
    [InlineData("livenessProbe", "/health/live")]
    public void Probe_AsksTheHealthEndpoint(string probe, string path)
    {
        var httpGet = Api.Container.Map(probe, "httpGet");

        Assert.Equal(path, httpGet.Text("path"));
        Assert.Equal("http", httpGet.Text("port"));
    }

    [Fact]
    public void HttpPort_IsTheOneTheApiListensOn()
    {
        var port = Assert.Single(Api.Container.Maps("ports"), p => p.Text("name") == "http");

        Assert.Equal(EnvVar.Named(Api.Container, "ASPNETCORE_HTTP_PORTS").Value, port.Text("containerPort"));
    }

    [Fact]
    public void Service_SelectsTheApiPodsAndNothingElse()
    {
        var service = Assert.Single(_manifests.OfKind("Service"));

        var selected = _manifests.WorkloadsSelectedBy(service.Spec.MapOrNull("selector").Pairs());

        Assert.Equal([Api], selected);
        var port = Assert.Single(service.Spec.Maps("ports"));
        Assert.Equal("http", port.Text("name"));
        Assert.Contains(port.Text("targetPort"), Api.Container.Maps("ports").Select(p => p.Text("name")));
    }

    [Fact]
    public void TerminationGracePeriod_CoversThePreStopPauseAndTheHostsShutdown()
    {
        var pause = TimeSpan.FromSeconds(int.Parse(
            Api.Container.Map("lifecycle", "preStop", "exec").Texts("command").Last(),
            System.Globalization.CultureInfo.InvariantCulture));

        var grace = TimeSpan.FromSeconds(Api.PodSpec.Int("terminationGracePeriodSeconds") ?? 30);

        Assert.True(grace > pause + new HostOptions().ShutdownTimeout, $"{grace} is too short");
    }
}
