using Microsoft.Extensions.DependencyInjection;
using Mimo.Grains.Customers;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Reminders;

/// <summary>How a customer registers its one Orleans reminder.</summary>
public sealed class ReminderRegistrationTests : IAsyncLifetime
{
    /// <summary>Monday 30 November 2026, 09:30 in Berlin: the day's 09:00 send was missed by half an hour.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 30, 0, TimeSpan.Zero);

    private ReminderWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReminderWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task SendDueNow_IsRegisteredAFewSecondsAhead_SoOrleansDoesNotSkipItsFirstTick()
    {
        _world.Clock.SetUtcNow(Now);
        var tenant = await _world.NewTenantAsync(0);
        var customer = await _world.NewCustomerAsync(tenant, "c1");

        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(100m, due: DateOnly.FromDateTime(Now.UtcDateTime)));

        var table = _world.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var entry = await table.ReadRow(customer.GetGrainId(), CustomerGrain.ReminderName);
        Assert.NotNull(entry);
        Assert.Equal((Now + CustomerGrain.MinimumDueTime).UtcDateTime, entry.StartAt);
        Assert.Equal(Now, (await customer.GetAsync())!.Reminders.NextReminderAt);
    }

    [Fact]
    public async Task SendDueNow_GoesOutWithinSeconds_NotAfterTheReminderPeriod()
    {
        _world.Clock.SetUtcNow(Now);
        var tenant = await _world.NewTenantAsync(0);
        var customer = await _world.NewCustomerAsync(tenant, "c1");
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(100m, due: DateOnly.FromDateTime(Now.UtcDateTime)));

        await _world.RunUntilAsync(customer, Now.AddMinutes(4));

        // The simulated clock moves on a few seconds at a time while the silo works, so "within
        // seconds" shows as "well before the reminder's five-minute period".
        Assert.Single(_world.Smtp.Messages);
        Assert.InRange(_world.Smtp.Messages[0].Message.Date, Now, Now + TimeSpan.FromMinutes(4));
    }
}
