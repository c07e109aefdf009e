using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Interfaces.Workflows;
using Mimo.Testing.Orleans;
using Mimo.Testing.Postgres;
using Mimo.Testing.Smtp;
using Orleans.Reminders;
using static Mimo.Testing.TestData;

namespace Mimo.Silo.Tests.Postgres;

/// <summary>Emails decided on but not yet sent when a silo stops are sent after it comes back, once.</summary>
public sealed class DeliveryAcrossRestartTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 11, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly TickListener _ticks = new();
    private readonly string _clusterId = "restart-" + Guid.NewGuid().ToString("N")[..8];
    private TestDatabase _database = null!;
    private TestSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = await TestSmtpServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        _ticks.Dispose();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SiloStoppedBetweenQueuingAndSending_TheEmailIsSentAfterTheRestart_Once()
    {
        string tenantId;
        string waiting;
        ICustomerGrain first, second;
        await using (var silo = await StartSiloAsync(messagesPerSecond: 0.001))
        {
            tenantId = await NewTenantAsync(silo);
            first = await NewCustomerAsync(silo, tenantId, "c1");
            second = await NewCustomerAsync(silo, tenantId, "c2");
            var ticks = Task.WhenAll(_ticks.NextTickAsync(first.GetGrainId()), _ticks.NextTickAsync(second.GetGrainId()));
            _clock.SetUtcNow(SendAt);
            await _clock.PumpUntilAsync(ticks);

            // The tenant's rate limit lets one email through, whichever customer ticked first, and
            // keeps the other waiting in the queue.
            await _smtp.WaitForMessagesAsync(1);
            await WaitUntilDeliveringAsync(silo, tenantId, count: 1);
            waiting = _smtp.Messages.Single().EnvelopeRecipients.Single() == "c1@customer.test" ? "c2" : "c1";
        }

        await using var restarted = await StartSiloAsync(messagesPerSecond: 10);
        var tick = _ticks.NextTickAsync(GrainIdOf(restarted, tenantId, waiting));
        _clock.Advance(TimeSpan.FromMinutes(10));
        await _clock.PumpUntilAsync(tick);
        await _smtp.WaitForMessagesAsync(2);
        _clock.Advance(TimeSpan.FromDays(3));
        await WaitUntilDeliveringAsync(restarted, tenantId, count: 0);

        var received = _smtp.Messages;
        Assert.Equal(2, received.Count);
        Assert.Equal(["c1@customer.test", "c2@customer.test"], received.SelectMany(m => m.EnvelopeRecipients).Order());
        Assert.Equal(2, received.Select(m => m.Message.MessageId).Distinct().Count());
    }

    private Task<TestSilo> StartSiloAsync(double messagesPerSecond) =>
        TestSilo.StartAsync(
            _database.ConnectionString,
            _clusterId,
            silo =>
            {
                silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, _clock);
                silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, _clock);
            },
            new Dictionary<string, string?>
            {
                ["Smtp:Host"] = _smtp.Host,
                ["Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:MaxMessagesPerSecondPerTenant"] = messagesPerSecond.ToString(CultureInfo.InvariantCulture),
            });

    private static async Task<string> NewTenantAsync(TestSilo silo)
    {
        var tenantId = NewId("tn");
        var tenant = silo.Grains.GetGrain<ITenantGrain>(tenantId);
        await tenant.CreateAsync(
            new NewTenant("Acme Billing", "Europe/Berlin", new Sender("Acme Billing", "billing@acme.test")),
            new ApiKeyHash("k1", new byte[32], Start));
        await tenant.SaveWorkflowAsync(
            "standard",
            new WorkflowDefinition("Standard", 1, new WorkflowAudience(), [new WorkflowStep("Due", 1, "default")], null),
            mustBeNew: false);
        return tenantId;
    }

    private static async Task<ICustomerGrain> NewCustomerAsync(TestSilo silo, string tenantId, string customerId)
    {
        var customer = silo.Grains.GetGrain<ICustomerGrain>(CustomerKey.Format(tenantId, customerId));
        await customer.UpsertAsync(ACustomer(customerId) with { Contacts = [new Contact($"{customerId}@customer.test")] });
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(100m, number: "INV-1", due: new DateOnly(2026, 12, 10)));
        await customer.SetReminderSettingsAsync(new ReminderSettingsChange(ReminderMode.Custom, null, null));
        return customer;
    }

    private static GrainId GrainIdOf(TestSilo silo, string tenantId, string customerId) =>
        silo.Grains.GetGrain<ICustomerGrain>(CustomerKey.Format(tenantId, customerId)).GetGrainId();

    /// <summary>Waits until exactly <paramref name="count"/> of the tenant's two customers have an email on its way.</summary>
    private static async Task WaitUntilDeliveringAsync(TestSilo silo, string tenantId, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var delivering = 0;
            foreach (var id in new[] { "c1", "c2" })
            {
                var schedule = await silo.Grains.GetGrain<ICustomerGrain>(CustomerKey.Format(tenantId, id)).GetScheduleAsync();
                delivering += schedule.Value!.Count(s => s.Status == ScheduledSendStatus.Delivering);
            }

            if (delivering == count)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
