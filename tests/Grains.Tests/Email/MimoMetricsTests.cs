using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Mimo.Grains.Interfaces.Email;
using Mimo.Grains.Telemetry;

namespace Mimo.Grains.Tests.Email;

public sealed class MimoMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public MimoMetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MimoMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
        Metrics = new MimoMetrics(factory);
    }

    private MimoMetrics Metrics { get; }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void ReminderSent_CountsOneWithTenantAndSource()
    {
        Metrics.ReminderSent("tenant-1", "smart");

        var (instrument, value, tags) = Assert.Single(_measurements);
        Assert.Equal("mimo.reminders.sent", instrument);
        Assert.Equal(1, value);
        Assert.Equal("tenant-1", tags["tenant"]);
        Assert.Equal("smart", tags["source"]);
    }

    [Fact]
    public void SmtpAttempted_RecordsSecondsWithTheOutcome()
    {
        Metrics.SmtpAttempted(TimeSpan.FromMilliseconds(250), DeliveryStatus.TransientFailure);

        var (instrument, value, tags) = Assert.Single(_measurements);
        Assert.Equal("mimo.smtp.duration", instrument);
        Assert.Equal(0.25, value);
        Assert.Equal("transient_failure", tags["outcome"]);
    }

    [Fact]
    public void OutboxChanged_AddsAndTakesAwayForTheTenant()
    {
        Metrics.OutboxChanged("tenant-1", 2);
        Metrics.OutboxChanged("tenant-1", -1);

        Assert.Equal([2d, -1d], _measurements.Select(m => m.Value));
        Assert.All(_measurements, m => Assert.Equal("mimo.outbox.pending", m.Instrument));
        Assert.All(_measurements, m => Assert.Equal("tenant-1", m.Tags["tenant"]));
    }

    [Fact]
    public void QueueDepth_ReadsTheObservedQueue()
    {
        Metrics.ObserveQueueDepth(() => 7);

        _listener.RecordObservableInstruments();

        var (instrument, value, _) = Assert.Single(_measurements);
        Assert.Equal("mimo.delivery.queue_depth", instrument);
        Assert.Equal(7, value);
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copied = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copied[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, Convert.ToDouble(value, CultureInfo.InvariantCulture), copied));
        }
    }
}
