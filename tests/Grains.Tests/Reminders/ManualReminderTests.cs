using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Reminders;

/// <summary>Manual reminders through the customer grain, down to the emails the SMTP server receives.</summary>
public sealed class ManualReminderTests : IAsyncLifetime
{
    private static readonly DateOnly DueDate = new(2026, 12, 1);

    private ReminderWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReminderWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task TwoOfThreeInvoices_OneEmailListingExactlyThose()
    {
        var (tenant, customer) = await CustomerAsync();

        var result = await customer.SendManualAsync(new ManualReminder(["INV-1", "INV-3"], null, null, "Please pay before Christmas."), Request("k1"));
        var email = (await _world.Smtp.WaitForMessageAsync(1)).Message;
        await ReminderWorld.DeliveredAsync(customer);

        Assert.Equal(ResultStatus.Created, result.Status);
        Assert.Equal(["INV-1", "INV-3"], result.Value!.InvoiceIds);
        Assert.Equal(result.Value.MessageId, email.MessageId);
        Assert.Contains("2026-0001", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("2026-0003", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-0002", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Please pay before Christmas.", email.TextBody, StringComparison.Ordinal);
        var sent = Assert.Single(await _world.ActivityAsync(tenant, "c1"));
        Assert.Equal((ActivityKind.Sent, ReminderSource.Manual), (sent.Kind, sent.Source));
    }

    [Fact]
    public async Task NoInvoicesNamed_ListsEveryOpenOneNotOnHold_WithTheSubjectTyped()
    {
        var (_, customer) = await CustomerAsync();
        await customer.PlaceHoldAsync("INV-2", HoldReason.Dispute, null);

        var result = await customer.SendManualAsync(new ManualReminder(null, null, "Your account\r\nBcc: x@evil.test", null), Request("k1"));
        var email = (await _world.Smtp.WaitForMessageAsync(1)).Message;

        Assert.Equal(["INV-1", "INV-3"], result.Value!.InvoiceIds);
        Assert.Equal("Your account Bcc: x@evil.test", email.Subject);
        Assert.Empty(email.Bcc);
    }

    [Fact]
    public async Task TheSameRequestAgain_AnswersTheSame_AndSendsNothing()
    {
        var (_, customer) = await CustomerAsync();
        var reminder = new ManualReminder(["INV-1"], null, null, null);

        var first = await customer.SendManualAsync(reminder, Request("k1"));
        await _world.Smtp.WaitForMessageAsync(1);
        await ReminderWorld.DeliveredAsync(customer);
        var again = await customer.SendManualAsync(reminder, Request("k1"));
        var otherBody = await customer.SendManualAsync(reminder with { InvoiceIds = ["INV-2"] }, Request("k1", "other"));

        Assert.Equal(first.Value!.MessageId, again.Value!.MessageId);
        Assert.Equal(first.Value.InvoiceIds, again.Value.InvoiceIds);
        Assert.Equal(ResultStatus.KeyReused, otherBody.Status);
        await ReminderWorld.DeliveredAsync(customer);
        Assert.Single(_world.Smtp.Messages);
    }

    [Fact]
    public async Task PaidVoidOrUnknownInvoices_AreRefused_AndNothingIsSent()
    {
        var (_, customer) = await CustomerAsync();
        await customer.RecordPaymentAsync("INV-2", APayment(200m, DueDate, "paid"));
        await customer.VoidInvoiceAsync("INV-3");

        var paid = await customer.SendManualAsync(new ManualReminder(["INV-1", "INV-2"], null, null, null), Request("a"));
        var voided = await customer.SendManualAsync(new ManualReminder(["INV-3"], null, null, null), Request("b"));
        var unknown = await customer.SendManualAsync(new ManualReminder(["INV-9"], null, null, null), Request("c"));
        var template = await customer.SendManualAsync(new ManualReminder(null, "no-such", null, null), Request("d"));

        Assert.Equal((ResultStatus.Invalid, "invoiceIds[1]"), (paid.Status, paid.Field));
        Assert.Contains("is paid", paid.Error, StringComparison.Ordinal);
        Assert.Contains("is void", voided.Error, StringComparison.Ordinal);
        Assert.Contains("no invoice 'INV-9'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal((ResultStatus.Invalid, "templateId"), (template.Status, template.Field));
        Assert.DoesNotContain((await customer.GetScheduleAsync()).Value!, s => s.Source == ReminderSource.Manual);
        Assert.Empty(_world.Smtp.Messages);
    }

    [Fact]
    public async Task AnInvoiceOnHold_NamedForASend_IsRefused_AndNothingIsSent()
    {
        var (_, customer) = await CustomerAsync();
        await customer.PlaceHoldAsync("INV-2", HoldReason.PromiseToPay, DueDate.AddDays(60));

        var send = await customer.SendManualAsync(
            new ManualReminder(["INV-1", "INV-2"], null, null, null), Request("k1"));
        var preview = await customer.PreviewManualAsync(new ManualReminder(["INV-2"], null, null, null));

        Assert.Equal((ResultStatus.Invalid, "invoiceIds[1]"), (send.Status, send.Field));
        Assert.Contains("on hold", send.Error, StringComparison.Ordinal);
        Assert.Equal((ResultStatus.Invalid, "invoiceIds[0]"), (preview.Status, preview.Field));
        Assert.DoesNotContain((await customer.GetScheduleAsync()).Value!, s => s.Source == ReminderSource.Manual);
        Assert.Empty(_world.Smtp.Messages);
    }

    [Fact]
    public async Task Preview_SendsNothing_AndMatchesWhatASendThenDelivers()
    {
        var (_, customer) = await CustomerAsync();
        var reminder = new ManualReminder(["INV-2"], null, "Invoice 2026-0002", "Thank you!");

        var preview = (await customer.PreviewManualAsync(reminder)).Value!;
        await customer.SendManualAsync(reminder, Request("k1"));
        var email = (await _world.Smtp.WaitForMessageAsync(1)).Message;

        Assert.Single(_world.Smtp.Messages);
        Assert.Equal(email.Subject, preview.Subject);
        Assert.Equal(email.HtmlBody, preview.Html);
        Assert.Equal(email.TextBody!.ReplaceLineEndings(), preview.Text.ReplaceLineEndings());
        Assert.Equal(email.To.Mailboxes.Select(m => m.Address), preview.To.Select(t => t.Address));
    }

    [Fact]
    public async Task AManualReminder_PostponesTheNextDaysAutomaticStepByTheMinimumGap()
    {
        var tenant = await _world.NewTenantAsync(1);
        var customer = await _world.NewCustomerAsync(tenant, "c1");
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(100m, number: "INV-1", due: new DateOnly(2026, 12, 10)));
        await _world.RunUntilAsync(customer, new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 8, 0, 0, TimeSpan.Zero), (await customer.GetAsync())!.Reminders.NextReminderAt);

        await customer.SendManualAsync(new ManualReminder(null, null, null, null), Request("k1"));
        await _world.Smtp.WaitForMessageAsync(1);
        await ReminderWorld.DeliveredAsync(customer);
        await _world.RunUntilAsync(customer, new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 14)],
            _world.Smtp.Messages.Select(m => ReminderWorld.BerlinDay(m.Message.Date)));
    }

    private async Task<(string Tenant, ICustomerGrain Customer)> CustomerAsync()
    {
        var tenant = await _world.NewTenantAsync(30);
        var customer = await _world.NewCustomerAsync(tenant, "c1");
        for (var i = 1; i <= 3; i++)
        {
            await customer.UpsertInvoiceAsync($"INV-{i}", AnInvoice(100m * i, number: $"2026-000{i}", due: DueDate));
        }

        return (tenant, customer);
    }

    private static ManualRequest Request(string key, string fingerprint = "same") => new(key, fingerprint);
}
