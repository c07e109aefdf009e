using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Reminders;

/// <summary>Smart reminders in simulated time: each band's flow, down to the emails received.</summary>
public sealed class SmartReminderTests : IAsyncLifetime
{
    private static readonly DateOnly DueDate = new(2026, 12, 10);
    private static readonly DateTimeOffset End = new(2027, 2, 1, 0, 0, 0, TimeSpan.Zero);

    private ReminderWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReminderWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task LatePayer_GetsTheFirmFlow()
    {
        var (tenant, customer) = await SmartCustomerAsync(paidDaysLate: 61);

        await _world.RunUntilAsync(customer, End);

        AssertDays(
            "2026-12-03", "2026-12-09", "2026-12-11", "2026-12-15", "2026-12-21", "2026-12-25", "2026-12-30",
            "2027-01-04", "2027-01-11", "2027-01-14", "2027-01-19");
        Assert.All(_world.Smtp.Messages, m => Assert.StartsWith("Overdue: please pay", m.Message.Subject, StringComparison.Ordinal));
        var sent = (await _world.ActivityAsync(tenant, "c1")).Where(a => a.Kind == ActivityKind.Sent).ToList();
        Assert.All(sent, a => Assert.Equal((ReminderSource.Smart, PayerBand.Late), (a.Source, a.Band)));
        Assert.Equal(["7 days before due", "1 day before due", "1 day overdue"], sent.Take(3).Select(a => a.Step));
    }

    [Fact]
    public async Task AveragePayer_GetsTheNeutralFlow()
    {
        var (_, customer) = await SmartCustomerAsync(paidDaysLate: 20);

        await _world.RunUntilAsync(customer, End);

        AssertDays("2026-12-07", "2026-12-11", "2026-12-17", "2026-12-24", "2026-12-31", "2027-01-07", "2027-01-14", "2027-01-21");
        Assert.All(_world.Smtp.Messages, m => Assert.StartsWith("Payment reminder from", m.Message.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimelyPayer_GetsTheFriendlyFlow()
    {
        var (_, customer) = await SmartCustomerAsync(paidDaysLate: 0);

        await _world.RunUntilAsync(customer, End);

        AssertDays("2026-12-11", "2026-12-17");
        Assert.All(_world.Smtp.Messages, m => Assert.StartsWith("A friendly reminder", m.Message.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DirectDebitCustomer_HearsFirstWhenTheCollectionHasNotArrived()
    {
        var (tenant, customer) = await SmartCustomerAsync(paidDaysLate: 20, PaymentMethod.DirectDebit);

        await _world.RunUntilAsync(customer, End);

        AssertDays("2026-12-14", "2026-12-17", "2026-12-24", "2026-12-31", "2027-01-07", "2027-01-14", "2027-01-21");
        var first = (await _world.ActivityAsync(tenant, "c1")).First(a => a.Kind == ActivityKind.Sent);
        Assert.Equal("Collection not received", first.Step);
    }

    [Fact]
    public async Task PayerWhoImprovesMidFlow_MovesToTheGentlerFlow_WithoutGoingBack()
    {
        var (_, customer) = await SmartCustomerAsync(paidDaysLate: 61);
        await _world.RunUntilAsync(customer, new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(PayerBand.Late, (await customer.GetAsync())!.PayScore.Band);

        await PayHistoryAsync(customer, count: 5, amount: 1000m, daysLate: -10, prefix: "early");
        Assert.Equal(PayerBand.Timely, (await customer.GetAsync())!.PayScore.Band);
        await _world.RunUntilAsync(customer, End);

        AssertDays("2026-12-03", "2026-12-09", "2026-12-11", "2026-12-17");
        Assert.Equal(
            ["Overdue", "Overdue", "A friendly reminder", "A friendly reminder"],
            _world.Smtp.Messages.Select(m => m.Message.Subject!.Split(':')[0].Split(" from")[0]));
    }

    [Fact]
    public async Task PayingEverything_StopsAllReminders()
    {
        var (_, customer) = await SmartCustomerAsync(paidDaysLate: 61);
        await _world.RunUntilAsync(customer, new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));

        await customer.RecordPaymentAsync("OPEN-1", APayment(100m, new DateOnly(2026, 12, 4), "all"));
        await _world.RunUntilAsync(customer, End);

        AssertDays("2026-12-03");
        Assert.Empty((await customer.GetScheduleAsync()).Value!);
    }

    [Fact]
    public async Task WhenThe12MonthWindowDropsAnInvoice_TheScoreAndTheDirectoryFollowByThemselves()
    {
        var tenant = await _world.NewTenantAsync(0);
        var customer = _world.Client.GetGrain<ICustomerGrain>(CustomerKey.Format(tenant, "c1"));
        await customer.UpsertAsync(ACustomer("Globex"));
        for (var i = 0; i < 3; i++)
        {
            var due = new DateOnly(2026, 1, 5).AddDays(i * 30);
            await customer.UpsertInvoiceAsync($"h{i}", new InvoiceDetails($"h{i}", due.AddDays(-30), due, "EUR", 100m, null));
            await customer.RecordPaymentAsync($"h{i}", APayment(100m, due.AddDays(61), $"p{i}"));
        }

        Assert.Equal(PayerBand.Late, await DirectoryBandAsync(tenant));

        // The first payment (2026-03-07) leaves the window at the start of 2027-03-07 in Berlin.
        await _world.TickAtAsync(customer, new DateTimeOffset(2027, 3, 6, 23, 0, 0, TimeSpan.Zero));

        Assert.Equal(PayerBand.Unscored, (await customer.GetAsync())!.PayScore.Band);
        Assert.Equal(PayerBand.Unscored, await DirectoryBandAsync(tenant));
    }

    private async Task<PayerBand> DirectoryBandAsync(string tenant)
    {
        var page = await _world.Client.GetGrain<ICustomerDirectoryGrain>(0)
            .QueryAsync(tenant, new DirectoryQuery(null, null, null, 10, null));
        return Assert.Single(page.Items).PayScore.Band;
    }

    private async Task<(string Tenant, ICustomerGrain Customer)> SmartCustomerAsync(
        int paidDaysLate,
        PaymentMethod paymentMethod = PaymentMethod.BankTransfer)
    {
        var tenant = await _world.NewTenantAsync(0);
        var customer = _world.Client.GetGrain<ICustomerGrain>(CustomerKey.Format(tenant, "c1"));
        await customer.UpsertAsync(ACustomer("Globex") with
        {
            Contacts = [new Contact("c1@customer.test")],
            PaymentMethod = paymentMethod,
        });
        await PayHistoryAsync(customer, count: 3, amount: 100m, daysLate: paidDaysLate, prefix: "old");
        await customer.UpsertInvoiceAsync("OPEN-1", AnInvoice(100m, number: "OPEN-1", due: DueDate));
        await customer.SetReminderSettingsAsync(new ReminderSettingsChange(ReminderMode.Smart, null, null));
        return (tenant, customer);
    }

    /// <summary>Invoices issued and paid in the past, each <paramref name="daysLate"/> after its due date.</summary>
    private static async Task PayHistoryAsync(ICustomerGrain customer, int count, decimal amount, int daysLate, string prefix)
    {
        for (var i = 0; i < count; i++)
        {
            var due = new DateOnly(2026, 6, 1).AddDays(i * 20);
            var id = $"{prefix}-{i}";
            await customer.UpsertInvoiceAsync(id, new InvoiceDetails(id, due.AddDays(-30), due, "EUR", amount, null));
            await customer.RecordPaymentAsync(id, APayment(amount, due.AddDays(daysLate), $"{id}-payment"));
        }
    }

    private void AssertDays(params string[] expected) =>
        Assert.Equal(
            expected.Select(DateOnly.Parse),
            _world.Smtp.Messages.Select(m => ReminderWorld.BerlinDay(m.Message.Date)));
}
