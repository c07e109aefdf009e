using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Tests.Infrastructure;
using Mimo.Silo.Hosting;
using Orleans.TestingHost;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Customers;

/// <summary>A change that reached the grain state stands even when the directory read model is down.</summary>
public sealed class ReadModelPublishTests : IAsyncLifetime
{
    private readonly FlakyCustomerDirectory _directory = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private readonly string _tenantId = NewId("tn");
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMimoStorage(new ConfigurationBuilder().Build());
            silo.Services.AddSingleton<ICustomerDirectory>(_directory);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, _clock);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Upsert_WhileTheDirectoryIsDown_SucceedsAndTheRowFollowsWhenItIsBack()
    {
        var customer = Customer("c-1");
        _directory.FailNextWrites(2);

        var created = await customer.UpsertAsync(ACustomer("Globex"));
        Assert.Equal(ResultStatus.Created, created.Status);
        Assert.Empty((await DirectoryAsync()).Items);

        var retryFailed = _directory.NextFailureAsync();
        _clock.Advance(TimeSpan.FromSeconds(5));
        await retryFailed;
        await customer.GetAsync(); // a grain call waits for the timer's turn to end, and so for the timer to re-arm
        var written = _directory.NextWriteAsync("c-1");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await written;

        Assert.Equal("Globex", Assert.Single((await DirectoryAsync()).Items).Name);
        Assert.Equal("Globex", (await customer.GetAsync())!.Details.Name);
    }

    [Fact]
    public async Task Delete_WhileTheDirectoryIsDown_SucceedsAndTheRowGoesWhenItIsBack()
    {
        var customer = Customer("c-2");
        await customer.UpsertAsync(ACustomer("Initech"));
        _directory.FailNextWrites(1);

        Assert.True(await customer.DeleteAsync());
        Assert.Single((await DirectoryAsync()).Items);

        var removed = _directory.NextWriteAsync("c-2");
        _clock.Advance(TimeSpan.FromSeconds(5));
        await removed;

        Assert.Empty((await DirectoryAsync()).Items);
        Assert.Null(await customer.GetAsync());
    }

    private ICustomerGrain Customer(string customerId) =>
        _cluster.Client.GetGrain<ICustomerGrain>(CustomerKey.Format(_tenantId, customerId));

    private Task<DirectoryPage> DirectoryAsync() =>
        _cluster.Client.GetGrain<ICustomerDirectoryGrain>(0).QueryAsync(_tenantId, new DirectoryQuery(null, null, null, 50, null));
}
