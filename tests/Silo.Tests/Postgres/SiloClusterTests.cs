using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Silo.Tests.Infrastructure;
using Mimo.Silo.Tests.Probes;
using Mimo.Testing.Orleans;
using Mimo.Testing.Postgres;
using Orleans.Configuration;
using static Mimo.Testing.TestData;

namespace Mimo.Silo.Tests.Postgres;

/// <summary>Whole silos on PostgreSQL: membership, state and reminders across starts and stops.</summary>
public sealed class SiloClusterTests : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;

    private readonly string _clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
    private readonly ReminderTicks _ticks = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(migrated: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TwoSilos_StartingTogetherOnAnEmptyDatabase_MigrateOnceAndFormOneCluster()
    {
        await using var first = Silo();
        await using var second = Silo();

        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        Assert.Equal(2L, await CountMembersAsync(Active));
        var hosts = await first.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
        Assert.Equal(
            Migrations.Count,
            (int)await _database.ScalarAsync<long>("SELECT count(*) FROM mimo_schema_migration"));
    }

    [Fact]
    public async Task GracefulStop_MarksTheSiloDeadForTheOthers()
    {
        await using var first = await StartSiloAsync();
        await using var second = await StartSiloAsync();
        await WaitForActiveHostsAsync(first, 2);

        await second.StopAsync();

        Assert.Equal(1L, await CountMembersAsync(Active));
        Assert.Equal(1L, await CountMembersAsync(Dead));
        await WaitForActiveHostsAsync(first, 1);
    }

    [Fact]
    public async Task CustomerState_SurvivesASiloRestart()
    {
        var tenant = NewId("tn");
        var key = CustomerKey.Format(tenant, "c-1001");
        CustomerView before;
        await using (var silo = await StartSiloAsync())
        {
            var customer = silo.Grains.GetGrain<ICustomerGrain>(key);
            await customer.UpsertAsync(ACustomer("Globex GmbH", "wholesale"));
            await customer.UpsertInvoiceAsync("INV-1", AnInvoice(1200m));
            await customer.UpsertInvoiceAsync("INV-2", AnInvoice(450.50m, number: "INV-2"));
            await customer.RecordPaymentAsync("INV-1", APayment(1200m, reference: "SEPA-1"));
            before = (await customer.GetAsync())!;
        }

        await using var restarted = await StartSiloAsync();
        var after = await restarted.Grains.GetGrain<ICustomerGrain>(key).GetAsync();
        var paid = await restarted.Grains.GetGrain<ICustomerGrain>(key).GetInvoiceAsync("INV-1");
        var directory = await restarted.Grains.GetGrain<ICustomerDirectoryGrain>(0)
            .QueryAsync(tenant, new DirectoryQuery(null, null, null, 10, null));

        Assert.NotNull(after);
        Assert.Equal(before.Details.Name, after.Details.Name);
        Assert.Equal(before.Details.Tags, after.Details.Tags);
        Assert.Equal(["INV-2"], after.OpenInvoices.Select(i => i.Id));
        Assert.Equal(before.Outstanding, after.Outstanding);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(InvoiceStatus.Paid, paid.Value!.Status);
        Assert.Equal("SEPA-1", Assert.Single(paid.Value.Payments).Reference);
        var row = Assert.Single(directory.Items);
        Assert.Equal([new MoneyAmount("EUR", 450.50m)], row.Outstanding);
    }

    [Fact]
    public async Task Reminder_FiresAndKeepsFiringAfterTheSiloRestarts()
    {
        var probe = "probe-" + Guid.NewGuid().ToString("N")[..8];
        SiloAddress firstSilo;
        await using (var silo = await StartSiloAsync())
        {
            firstSilo = silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
            var firstTick = _ticks.NextAsync(probe);
            await silo.Grains.GetGrain<IReminderProbeGrain>(probe).StartAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

            Assert.Equal(firstSilo, (await firstTick).Silo);
            Assert.Equal(1L, await _database.ScalarAsync<long>(
                "SELECT count(*) FROM mimo_reminder WHERE grain_id = $1", $"test-reminder-probe/{probe}"));
        }

        await using var restarted = await StartSiloAsync();
        var secondSilo = restarted.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var tickAfterRestart = await _ticks.NextAsync(probe, tick => tick.Silo == secondSilo);

        Assert.NotEqual(firstSilo, tickAfterRestart.Silo);
        await restarted.Grains.GetGrain<IReminderProbeGrain>(probe).StopAsync();
        Assert.Equal(0L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM mimo_reminder WHERE grain_id = $1", $"test-reminder-probe/{probe}"));
    }

    [Fact]
    public async Task Client_FindsTheSilosThroughTheGatewayList()
    {
        await using var silo = await StartSiloAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = _clusterId;
                options.ServiceId = "mimo";
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = _database.ConnectionString;
            });
        });
        using var clientHost = builder.Build();
        await clientHost.StartAsync();

        var client = clientHost.Services.GetRequiredService<IClusterClient>();
        var customer = client.GetGrain<ICustomerGrain>(CustomerKey.Format(NewId("tn"), "c1"));
        var created = await customer.UpsertAsync(ACustomer("Initech"));

        Assert.Equal(ResultStatus.Created, created.Status);
        await clientHost.StopAsync();
    }

    private static IReadOnlyList<Mimo.Silo.Postgres.Migration> Migrations => Mimo.Silo.Postgres.Migration.All;

    private TestSilo Silo() =>
        TestSilo.Create(_database.ConnectionString, _clusterId, PostgresSiloFixture.ConfigureProbes(_ticks));

    private Task<TestSilo> StartSiloAsync() =>
        TestSilo.StartAsync(_database.ConnectionString, _clusterId, PostgresSiloFixture.ConfigureProbes(_ticks));

    private Task<long> CountMembersAsync(int status) => _database.ScalarAsync<long>(
        "SELECT count(*) FROM mimo_cluster_member WHERE deployment_id = $1 AND status = $2", _clusterId, status);

    /// <summary>Membership changes reach each silo through the table's polling and gossip; wait for them.</summary>
    private static async Task WaitForActiveHostsAsync(TestSilo silo, int count)
    {
        var management = silo.Grains.GetGrain<IManagementGrain>(0);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await management.GetHosts(onlyActive: true)).Count != count)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}
