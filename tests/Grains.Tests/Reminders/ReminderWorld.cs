using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Interfaces.Workflows;
using Mimo.Silo.Hosting;
using Mimo.Testing.Orleans;
using Mimo.Testing.Smtp;
using Orleans.Reminders;
using Orleans.TestingHost;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Reminders;

/// <summary>
/// An in-process cluster whose reminders and grains run on one fake clock, sending email to an
/// in-process SMTP server. Tests move time to each customer's next reminder and wait for what it
/// does, so weeks of simulated time pass in seconds and nothing depends on real timing.
/// </summary>
public sealed class ReminderWorld : IAsyncDisposable
{
    /// <summary>Monday 30 November 2026, midnight UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private readonly TickListener _ticks = new();

    private ReminderWorld(InProcessTestCluster cluster, TestSmtpServer smtp, FakeTimeProvider clock)
    {
        Cluster = cluster;
        Smtp = smtp;
        Clock = clock;
    }

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public TestSmtpServer Smtp { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<ReminderWorld> StartAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var smtp = await TestSmtpServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = smtp.Host,
            ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMimoStorage(configuration);
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, clock);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ReminderWorld(cluster, smtp, clock);
    }

    /// <summary>A tenant in Berlin with a workflow of the given step offsets, all using the default template.</summary>
    public async Task<string> NewTenantAsync(params int[] offsets)
    {
        var tenantId = NewId("tn");
        var tenant = Client.GetGrain<ITenantGrain>(tenantId);
        await tenant.CreateAsync(
            new NewTenant("Acme Billing", "Europe/Berlin", new Sender("Acme Billing", "billing@acme.test")),
            new ApiKeyHash("k1", new byte[32], Start));
        await SaveWorkflowAsync(tenantId, offsets);
        return tenantId;
    }

    public Task<GrainResult<Workflow>> SaveWorkflowAsync(string tenantId, int[] offsets, WorkflowRepeat? repeat = null) =>
        Client.GetGrain<ITenantGrain>(tenantId).SaveWorkflowAsync(
            "standard",
            new WorkflowDefinition(
                "Standard",
                1,
                new WorkflowAudience(),
                offsets.Select(o => new WorkflowStep($"Day {o:+0;-0;0}", o, "default")).ToList(),
                repeat),
            mustBeNew: false);

    /// <summary>A customer of <paramref name="tenantId"/> in custom mode, with the given contacts.</summary>
    public async Task<ICustomerGrain> NewCustomerAsync(string tenantId, string customerId, params string[] contacts)
    {
        var customer = Client.GetGrain<ICustomerGrain>(CustomerKey.Format(tenantId, customerId));
        var emails = contacts.Length == 0 ? [$"{customerId}@customer.test"] : contacts;
        await customer.UpsertAsync(ACustomer($"Customer {customerId}") with
        {
            Contacts = emails.Select(e => new Contact(e, "Accounts payable")).ToList(),
        });
        await customer.SetReminderSettingsAsync(new ReminderSettingsChange(ReminderMode.Custom, null, null));
        return customer;
    }

    /// <summary>
    /// Moves the clock from reminder to reminder of <paramref name="customer"/> until
    /// <paramref name="end"/>, waiting after each tick until what it decided is delivered.
    /// </summary>
    /// <remarks>
    /// It first waits for an email of the customer that is being delivered already: a jump of the
    /// clock made for another customer may have ticked this one, and while its email is on its way
    /// the next reminder is the report deadline, which may lie after <paramref name="end"/>.
    /// </remarks>
    public async Task RunUntilAsync(ICustomerGrain customer, DateTimeOffset end)
    {
        await DeliveredAsync(customer);
        while (await NextReminderAsync(customer) is { } next && next <= end)
        {
            var tick = _ticks.NextTickAsync(customer.GetGrainId());
            if (next > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(next);
            }

            await Clock.PumpUntilAsync(tick);
            await DeliveredAsync(customer);
        }

        if (end > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(end);
        }
    }

    /// <summary>Moves the clock to <paramref name="at"/> and waits for the customer's reminder to tick there.</summary>
    public async Task TickAtAsync(ICustomerGrain customer, DateTimeOffset at)
    {
        var tick = _ticks.NextTickAsync(customer.GetGrainId());
        Clock.SetUtcNow(at);
        await Clock.PumpUntilAsync(tick);
    }

    /// <summary>Waits until none of the customer's emails is on its way (delivered, skipped or waiting to retry).</summary>
    public static async Task DeliveredAsync(ICustomerGrain customer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await customer.GetScheduleAsync()).Value!.Any(s => s.Status == ScheduledSendStatus.Delivering))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    public async Task<IReadOnlyList<ActivityEntry>> ActivityAsync(string tenantId, string customerId)
    {
        var page = await Client.GetGrain<IActivityLogGrain>(0).QueryAsync(tenantId, customerId, 500, null);
        return page.Items.Reverse().ToList();
    }

    public static DateOnly BerlinDay(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    public async ValueTask DisposeAsync()
    {
        _ticks.Dispose();
        await Cluster.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private static async Task<DateTimeOffset?> NextReminderAsync(ICustomerGrain customer) =>
        (await customer.GetAsync())?.Reminders.NextReminderAt;
}
