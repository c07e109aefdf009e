using Microsoft.Extensions.DependencyInjection;
using Mimo.Silo.Tests.Probes;
using Mimo.Testing.Orleans;
using Mimo.Testing.Postgres;
using Orleans.Configuration;

namespace Mimo.Silo.Tests.Infrastructure;

/// <summary>One silo on a fresh PostgreSQL database, shared by the tests of a class; tests use fresh keys.</summary>
public sealed class PostgresSiloFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public TestSilo Silo { get; private set; } = null!;

    public ReminderTicks Ticks { get; } = new();

    public string ClusterId { get; } = "silo-tests-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(migrated: false);
        Silo = await StartSiloAsync();
    }

    /// <summary>Another silo of the same cluster and database, with the same probes.</summary>
    public Task<TestSilo> StartSiloAsync() =>
        TestSilo.StartAsync(Database.ConnectionString, ClusterId, ConfigureProbes(Ticks));

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Test grains' services, and reminders allowed to tick every second.</summary>
    public static Action<ISiloBuilder> ConfigureProbes(ReminderTicks ticks) => silo =>
    {
        silo.Services.AddSingleton(ticks);
        silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    };
}
