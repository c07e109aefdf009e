using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Workflows;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Reminders;

/// <summary>Workflows playing out over weeks of simulated time, down to the emails the SMTP server receives.</summary>
public sealed class ReminderFlowTests : IAsyncLifetime
{
    private static readonly DateOnly DueDate = new(2026, 12, 10);

    private ReminderWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReminderWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task ThirtyDayWorkflow_SendsExactlyTheExpectedEmails_OnTheExpectedLocalDays()
    {
        var tenant = await _world.NewTenantAsync(-3, 1, 7, 14);
        await _world.SaveWorkflowAsync(tenant, [-3, 1, 7, 14], new WorkflowRepeat(7, 1));
        var customer = await _world.NewCustomerAsync(tenant, "c1");
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(450.50m, number: "INV-1", due: DueDate));

        await _world.RunUntilAsync(customer, ReminderWorld.Start.AddDays(35));

        var received = _world.Smtp.Messages;
        Assert.Equal(
            [new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 17), new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31)],
            received.Select(m => ReminderWorld.BerlinDay(m.Message.Date)));
        Assert.All(received, m => Assert.Equal(9, TimeZoneInfo.ConvertTime(m.Message.Date, Berlin).Hour));
        Assert.All(received, m => Assert.Equal(["c1@customer.test"], m.EnvelopeRecipients));
        Assert.Equal(5, received.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.Empty((await customer.GetScheduleAsync()).Value!);
    }

    [Fact]
    public async Task Email_ListsTheInvoicesWithWhatIsStillOwed_InHtmlAndText()
    {
        var tenant = await _world.NewTenantAsync(1);
        var customer = await _world.NewCustomerAsync(tenant, "c1");
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(1200m, number: "2026-0042", due: DueDate));
        await customer.UpsertInvoiceAsync("INV-2", AnInvoice(99.90m, number: "2026-0057", due: DueDate));
        await customer.RecordPaymentAsync("INV-1", APayment(200m, reference: "part"));

        await _world.RunUntilAsync(customer, ReminderWorld.Start.AddDays(14));

        var email = Assert.Single(_world.Smtp.Messages).Message;
        Assert.Contains("Acme Billing", email.Subject, StringComparison.Ordinal);
        Assert.NotNull(email.HtmlBody);
        Assert.NotNull(email.TextBody);
        foreach (var expected in new[] { "2026-0042", "1000.00", "2026-0057", "99.90", "1099.90" })
        {
            Assert.Contains(expected, email.HtmlBody, StringComparison.Ordinal);
            Assert.Contains(expected, email.TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PaymentMidFlow_StopsTheRest()
    {
        var tenant = await _world.NewTenantAsync(-3, 1, 7, 14);
        var customer = await _world.NewCustomerAsync(tenant, "c1");
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(100m, number: "INV-1", due: DueDate));
        await _world.RunUntilAsync(customer, new DateTimeOffset(2026, 12, 12, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, _world.Smtp.Messages.Count);

        await customer.RecordPaymentAsync("INV-1", APayment(100m, new DateOnly(2026, 12, 12), "full"));
        await _world.RunUntilAsync(customer, ReminderWorld.Start.AddDays(40));

        Assert.Equal(2, _world.Smtp.Messages.Count);
        Assert.Empty((await customer.GetScheduleAsync()).Value!);
        Assert.Null((await customer.GetAsync())!.Reminders.NextReminderAt);
    }

    [Fact]
    public async Task Hold_PausesTheInvoice_AndItsEndResumesWithOnlyTheLatestStep()
    {
        var tenant = await _world.NewTenantAsync(1, 7, 14);
        var customer = await _world.NewCustomerAsync(tenant, "c1");
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(100m, number: "INV-1", due: DueDate));
        await customer.PlaceHoldAsync("INV-1", HoldReason.PromiseToPay, new DateOnly(2026, 12, 20));

        await _world.RunUntilAsync(customer, ReminderWorld.Start.AddDays(40));

        var days = _world.Smtp.Messages.Select(m => ReminderWorld.BerlinDay(m.Message.Date)).ToList();
        Assert.Equal([new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 24)], days);
        var activity = await _world.ActivityAsync(tenant, "c1");
        var skipped = Assert.Single(activity, a => a.Kind == ActivityKind.Skipped);
        Assert.Contains("Day +1", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkflowEdit_ReplansTheCustomersOnIt()
    {
        var tenant = await _world.NewTenantAsync(7);
        var customer = await _world.NewCustomerAsync(tenant, "c1");
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(100m, number: "INV-1", due: DueDate));
        Assert.Equal(new DateTimeOffset(2026, 12, 17, 8, 0, 0, TimeSpan.Zero), (await customer.GetAsync())!.Reminders.NextReminderAt);

        await _world.SaveWorkflowAsync(tenant, [-2, 7]);
        await WaitUntilAsync(async () => (await customer.GetAsync())!.Reminders.NextReminderAt
            == new DateTimeOffset(2026, 12, 8, 8, 0, 0, TimeSpan.Zero));
        await _world.RunUntilAsync(customer, ReminderWorld.Start.AddDays(30));

        Assert.Equal(
            [new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 17)],
            _world.Smtp.Messages.Select(m => ReminderWorld.BerlinDay(m.Message.Date)));
    }

    [Fact]
    public async Task TenantSendSettingsChange_ReplansItsCustomers()
    {
        var tenant = await _world.NewTenantAsync(1);
        var customer = await _world.NewCustomerAsync(tenant, "c1");
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(100m, number: "INV-1", due: DueDate));

        await _world.Client.GetGrain<Interfaces.Tenants.ITenantGrain>(tenant).UpdateSettingsAsync(
            new Interfaces.Tenants.TenantSettingsPatch(SendTime: new TimeOnly(7, 30)));
        await WaitUntilAsync(async () => (await customer.GetAsync())!.Reminders.NextReminderAt
            == new DateTimeOffset(2026, 12, 11, 6, 30, 0, TimeSpan.Zero));
        await _world.RunUntilAsync(customer, ReminderWorld.Start.AddDays(30));

        var sentAt = Assert.Single(_world.Smtp.Messages).Message.Date.ToUniversalTime();
        Assert.InRange(sentAt, new DateTimeOffset(2026, 12, 11, 6, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 11, 6, 35, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task ActivityLog_TellsTheStory()
    {
        var tenant = await _world.NewTenantAsync(1);
        var customer = await _world.NewCustomerAsync(tenant, "c1");
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(100m, number: "INV-1", due: DueDate));

        await _world.RunUntilAsync(customer, ReminderWorld.Start.AddDays(20));

        var sent = Assert.Single(await _world.ActivityAsync(tenant, "c1"));
        Assert.Equal(ActivityKind.Sent, sent.Kind);
        Assert.Equal(ReminderSource.Workflow, sent.Source);
        Assert.Equal(["INV-1"], sent.InvoiceIds);
        Assert.Equal("Day +1", sent.Step);
        Assert.Equal(["c1@customer.test"], sent.To);
        Assert.Equal(_world.Smtp.Messages[0].Message.MessageId, sent.MessageId);
        Assert.Equal(_world.Smtp.Messages[0].Message.Subject, sent.Subject);
    }

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
