using System.Diagnostics.Metrics;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Telemetry;
using Orleans.Core.Internal;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Reminders;

/// <summary>
/// <c>mimo.outbox.pending</c> follows the outboxes of the customers active on the silo: an email
/// waiting to be retried counts, and stops counting when it is sent, its customer is deleted or
/// deactivated (and counts again when the customer is active again).
/// </summary>
public sealed class OutboxGaugeTests : IAsyncLifetime
{
    private static readonly DateOnly DueDate = new(2026, 12, 10);
    private static readonly DateTimeOffset SendAt = new(2026, 12, 11, 8, 0, 0, TimeSpan.Zero);

    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _pending = [];
    private ReminderWorld _world = null!;

    public async Task InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MimoMetrics.MeterName && instrument.Name == "mimo.outbox.pending")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, delta, tags, _) => Add(tags, delta));
        _listener.Start();
        _world = await ReminderWorld.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        _listener.Dispose();
    }

    [Fact]
    public async Task AnEmailWaitingToRetry_Counts_UntilItIsSent()
    {
        var (tenant, customer) = await CustomerWithInvoiceAsync();
        _world.Smtp.StartTemporaryFailures();

        await _world.RunUntilAsync(customer, SendAt.AddMinutes(2));
        var waiting = Pending(tenant);
        _world.Smtp.StopTemporaryFailures();
        await _world.RunUntilAsync(customer, SendAt.AddDays(1));

        Assert.Equal(1, waiting);
        Assert.Single(_world.Smtp.Messages);
        Assert.Equal(0, Pending(tenant));
    }

    [Fact]
    public async Task ADeactivatedCustomer_StopsCounting_AndCountsAgainWhenActive()
    {
        var (tenant, customer) = await CustomerWithInvoiceAsync();
        _world.Smtp.StartTemporaryFailures();
        await _world.RunUntilAsync(customer, SendAt.AddMinutes(2));

        await customer.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await UntilAsync(() => Pending(tenant) == 0);
        await customer.GetAsync();

        Assert.Equal(1, Pending(tenant));
    }

    [Fact]
    public async Task ADeletedCustomer_StopsCounting()
    {
        var (tenant, customer) = await CustomerWithInvoiceAsync();
        _world.Smtp.StartTemporaryFailures();
        await _world.RunUntilAsync(customer, SendAt.AddMinutes(2));
        Assert.Equal(1, Pending(tenant));

        await customer.DeleteAsync();

        Assert.Equal(0, Pending(tenant));
    }

    private async Task<(string Tenant, ICustomerGrain Customer)> CustomerWithInvoiceAsync()
    {
        var tenant = await _world.NewTenantAsync(1, 7);
        var customer = await _world.NewCustomerAsync(tenant, "c1");
        await customer.UpsertInvoiceAsync("INV-1", AnInvoice(100m, number: "INV-1", due: DueDate));
        return (tenant, customer);
    }

    private long Pending(string tenant)
    {
        lock (_pending)
        {
            return _pending.GetValueOrDefault(tenant);
        }
    }

    private void Add(ReadOnlySpan<KeyValuePair<string, object?>> tags, long delta)
    {
        foreach (var tag in tags)
        {
            if (tag is { Key: "tenant", Value: string tenant })
            {
                lock (_pending)
                {
                    _pending[tenant] = _pending.GetValueOrDefault(tenant) + delta;
                }
            }
        }
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out.");
            await Task.Delay(20);
        }
    }
}
