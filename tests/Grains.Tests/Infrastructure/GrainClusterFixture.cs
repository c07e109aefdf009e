using Microsoft.Extensions.Configuration;
using Mimo.Silo.Hosting;
using Orleans.TestingHost;

namespace Mimo.Grains.Tests.Infrastructure;

/// <summary>One in-process cluster with the embedded (in-memory) providers, shared by a collection.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddMimoStorage(new ConfigurationBuilder().Build()));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainClusterFixture>
{
    public const string Name = "grain cluster";
}
