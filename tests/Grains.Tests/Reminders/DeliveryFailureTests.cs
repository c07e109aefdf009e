using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Customers;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Reminders;

/// <summary>What happens to due emails when the mail server misbehaves.</summary>
public sealed class DeliveryFailureTests : IAsyncLifetime
{
    private static readonly DateOnly DueDate = new(2026, 12, 10);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 11, 8, 0, 0, TimeSpan.Zero);

    private ReminderWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReminderWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task TemporaryFailures_AreRetriedWithBackoff_AndTheEmailArrivesOnceWhenTheServerRecovers()
    {
        var (tenant, customer) = await CustomerWithInvoiceAsync("c1");
        _world.Smtp.StartTemporaryFailures();

        await _world.RunUntilAsync(customer, SendAt.AddMinutes(30));
        var retrying = (await _world.ActivityAsync(tenant, "c1")).Where(a => a.Kind == ActivityKind.Retrying).ToList();
        _world.Smtp.StopTemporaryFailures();
        await _world.RunUntilAsync(customer, SendAt.AddDays(2));

        Assert.Equal(4, retrying.Count);
        Assert.All(retrying, r => Assert.Contains("451", r.Reason, StringComparison.Ordinal));
        Assert.Single(_world.Smtp.Messages);
        var story = await _world.ActivityAsync(tenant, "c1");
        Assert.Equal(ActivityKind.Sent, story[^1].Kind);
        Assert.Single(story, a => a.Kind == ActivityKind.Sent);
    }

    [Fact]
    public async Task ServerUnreachable_ForAWhile_EveryDueEmailArrivesOnceAfterwards()
    {
        var (tenant, first) = await CustomerWithInvoiceAsync("c1");
        var second = await _world.NewCustomerAsync(tenant, "c2");
        await second.UpsertInvoiceAsync("INV-1", AnInvoice(80m, number: "INV-1", due: DueDate));
        await _world.Smtp.StopAsync();

        await _world.RunUntilAsync(first, SendAt.AddMinutes(20));
        await _world.RunUntilAsync(second, SendAt.AddMinutes(20));
        await _world.Smtp.StartAgainAsync();
        await _world.RunUntilAsync(first, SendAt.AddDays(2));
        await _world.RunUntilAsync(second, SendAt.AddDays(2));

        var received = _world.Smtp.Messages;
        Assert.Equal(2, received.Count);
        Assert.Equal(["c1@customer.test", "c2@customer.test"], received.SelectMany(m => m.EnvelopeRecipients).Order());
        Assert.Equal(2, received.Select(m => m.Message.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task AnOutageOfSeveralMinutes_EveryEmailArrivesOnce_InTheOrderItWasDecided()
    {
        var (_, customer) = await CustomerWithInvoiceAsync("c1");
        var start = new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
        _world.Clock.SetUtcNow(start);
        await _world.Smtp.StopAsync();

        foreach (var subject in new[] { "first", "second", "third" })
        {
            await customer.SendManualAsync(new ManualReminder(null, null, subject, null), new ManualRequest(subject, subject));
            await ReminderWorld.DeliveredAsync(customer);
            _world.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        await _world.RunUntilAsync(customer, start.AddMinutes(4));
        await _world.Smtp.StartAgainAsync();
        await _world.RunUntilAsync(customer, start.AddHours(1));

        Assert.Equal(["first", "second", "third"], _world.Smtp.Messages.Select(m => m.Message.Subject));
        Assert.Equal(3, _world.Smtp.Messages.Select(m => m.Message.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task RefusedRecipient_IsFlagged_AndItsCustomerSuspended_OthersUnaffected()
    {
        var (tenant, refused) = await CustomerWithInvoiceAsync("c1", "gone@customer.test", "ap@customer.test");
        var other = await _world.NewCustomerAsync(tenant, "c2");
        await other.UpsertInvoiceAsync("INV-1", AnInvoice(80m, number: "INV-1", due: DueDate));
        _world.Smtp.RefuseRecipient("gone@customer.test");

        await _world.RunUntilAsync(refused, SendAt.AddDays(30));
        await _world.RunUntilAsync(other, SendAt.AddDays(30));

        var suspended = (await refused.GetAsync())!.Reminders;
        Assert.NotNull(suspended.Suspended);
        Assert.Equal("gone@customer.test", suspended.Suspended.Contact);
        Assert.Contains("550", suspended.Suspended.Reason, StringComparison.Ordinal);
        Assert.True(suspended.NextReminderAt is null, $"next reminder at {suspended.NextReminderAt}, schedule {string.Join(",", (await refused.GetScheduleAsync()).Value!)}");
        Assert.Equal(
            ["ap@customer.test", "c2@customer.test"],
            _world.Smtp.Messages.SelectMany(m => m.EnvelopeRecipients).Order());
        var sent = Assert.Single(await _world.ActivityAsync(tenant, "c1"), a => a.Kind == ActivityKind.Sent);
        Assert.Contains("gone@customer.test", sent.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewContacts_LiftTheSuspension()
    {
        var (_, customer) = await CustomerWithInvoiceAsync("c1", "gone@customer.test");
        _world.Smtp.RefuseRecipient("gone@customer.test");
        await _world.RunUntilAsync(customer, SendAt.AddHours(1));
        Assert.NotNull((await customer.GetAsync())!.Reminders.Suspended);

        await customer.UpsertAsync((await customer.GetAsync())!.Details with { Contacts = [new Contact("new@customer.test")] });

        var reminders = (await customer.GetAsync())!.Reminders;
        Assert.Null(reminders.Suspended);
        Assert.NotNull(reminders.NextReminderAt);
    }

    private async Task<(string Tenant, ICustomerGrain Customer)> CustomerWithInvoiceAsync(string customerId, params string[] contacts)
    {
        var tenant = await _world.NewTenantAsync(1, 7);
        var customer = await _world.NewCustomerAsync(tenant, customerId, contacts);
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(100m, number: "INV-1", due: DueDate));
        return (tenant, customer);
    }
}
