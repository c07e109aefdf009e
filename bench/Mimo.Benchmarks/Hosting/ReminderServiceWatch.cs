using System.Diagnostics;

namespace Mimo.Benchmarks.Hosting;

/// <summary>
/// Prints the <see cref="SiloMarkers.ReminderServiceStarted"/> marker when Orleans reports, on its
/// <c>Orleans.Reminders</c> diagnostic listener, that the silo's reminder service has read the
/// reminders of its range from the table and started (the <c>ReminderServiceStarted</c> event).
/// Only that event is enabled, so the other reminder events cost nothing.
/// </summary>
internal sealed class ReminderServiceWatch : IObserver<DiagnosticListener>, IDisposable
{
    private const string ListenerName = "Orleans.Reminders";
    private const string EventName = "ReminderServiceStarted";

    private readonly List<IDisposable> _subscriptions = [];
    private IDisposable? _listeners;

    public static ReminderServiceWatch Start()
    {
        var watch = new ReminderServiceWatch();
        watch._listeners = DiagnosticListener.AllListeners.Subscribe(watch);
        return watch;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name != ListenerName)
        {
            return;
        }

        lock (_subscriptions)
        {
            _subscriptions.Add(value.Subscribe(new EventObserver(), name => name == EventName));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _listeners?.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }

    private sealed class EventObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == EventName)
            {
                SiloMarkers.Print(SiloMarkers.ReminderServiceStarted);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
