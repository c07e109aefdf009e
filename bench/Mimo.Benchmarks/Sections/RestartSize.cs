using System.Globalization;
using System.Text.Json.Serialization;
using Mimo.Benchmarks.Hosting;
using Mimo.Benchmarks.Reporting;

namespace Mimo.Benchmarks.Sections;

/// <summary>
/// The figures of one restart size, each measured from just before the silo process was launched:
/// until its host started, until its reminder service started, and ready (the later of the two).
/// The first start of the deployment, on an empty database (migrations included), is shown for
/// comparison, and how long the stopped silo took to exit.
/// </summary>
internal sealed record RestartSize(
    int Customers,
    int RemindersInTable,
    double? Seconds,
    double? HostStartedSeconds,
    double? ReminderServiceStartedSeconds,
    double? EmptyDatabaseStartSeconds,
    double? StopSeconds,
    double? MicrosecondsPerReminder)
{
    [JsonIgnore]
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"{RemindersInTable:N0} reminders: ready after {Seconds:0.00} s (host {HostStartedSeconds:0.00} s, "
        + $"reminder service {ReminderServiceStartedSeconds:0.00} s; "
        + $"empty database {EmptyDatabaseStartSeconds:0.00} s); "
        + $"stop took {StopSeconds:0.00} s");

    public static RestartSize From(
        int customers,
        int registered,
        SiloStart empty,
        TimeSpan stopped,
        SiloStart start) => new(
        customers,
        registered,
        Figures.Seconds(start.Ready),
        Figures.Seconds(start.Started),
        Figures.Seconds(start.ReminderServiceStarted),
        Figures.Seconds(empty.Ready),
        Figures.Seconds(stopped),
        Figures.Round(start.Ready.TotalMilliseconds * 1000 / Math.Max(1, registered), 3));
}
