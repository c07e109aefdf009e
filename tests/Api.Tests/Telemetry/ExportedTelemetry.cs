using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Mimo.Api.Tests.Telemetry;

/// <summary>
/// What the API's OpenTelemetry pipeline exports, caught by in-memory exporters added beside the
/// API's own configuration: the spans as they end, and the metrics whenever a test collects them.
/// </summary>
public sealed class ExportedTelemetry
{
    private readonly LockedCollection<Activity> _spans = new();
    private readonly LockedCollection<MetricSnapshot> _metrics = new();
    private IServiceProvider? _services;

    /// <summary>Adds the exporters to the API being built.</summary>
    public void AddTo(WebApplicationBuilder builder)
    {
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
    }

    /// <summary>Reads the providers of the started API.</summary>
    public void Attach(IServiceProvider services) => _services = services;

    public IReadOnlyList<Activity> Spans => _spans.ToList();

    /// <summary>Collects every instrument now and returns one snapshot of each (cumulative values).</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        _metrics.Clear();
        Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "The metrics were not collected.");
        return _metrics.ToList();
    }

    /// <summary>The current value of a counter or up-down counter for the points carrying every tag given.</summary>
    public long Sum(string instrument, params (string Key, string Value)[] tags) =>
        Points(instrument, tags).Sum(p => p.GetSumLong());

    /// <summary>How many values a histogram recorded for the points carrying every tag given.</summary>
    public long Count(string instrument, params (string Key, string Value)[] tags) =>
        Points(instrument, tags).Sum(p => p.GetHistogramCount());

    /// <summary>Waits until every span ended so far has been exported.</summary>
    public void FlushSpans() =>
        Assert.True(Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "The spans were not flushed.");

    private IServiceProvider Services => _services ?? throw new InvalidOperationException("Attach the API first.");

    private IEnumerable<MetricPoint> Points(string instrument, (string Key, string Value)[] tags)
    {
        var metric = CollectMetrics().SingleOrDefault(m => m.Name == instrument);
        if (metric is null)
        {
            return [];
        }

        return metric.MetricPoints.Where(point => tags.All(tag => HasTag(point, tag.Key, tag.Value))).ToList();
    }

    private static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A list that exporters on several threads may add to while a test reads it.</summary>
    private sealed class LockedCollection<T> : ICollection<T>
    {
        private readonly List<T> _items = [];

        public int Count
        {
            get
            {
                lock (_items)
                {
                    return _items.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public void Add(T item)
        {
            lock (_items)
            {
                _items.Add(item);
            }
        }

        public void Clear()
        {
            lock (_items)
            {
                _items.Clear();
            }
        }

        public bool Contains(T item)
        {
            lock (_items)
            {
                return _items.Contains(item);
            }
        }

        public void CopyTo(T[] array, int arrayIndex)
        {
            lock (_items)
            {
                _items.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(T item)
        {
            lock (_items)
            {
                return _items.Remove(item);
            }
        }

        public IEnumerator<T> GetEnumerator()
        {
            lock (_items)
            {
                return _items.ToList().GetEnumerator();
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
