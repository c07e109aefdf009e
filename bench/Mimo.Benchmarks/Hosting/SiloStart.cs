namespace Mimo.Benchmarks.Hosting;

/// <summary>
/// How a silo start went, measured from just before its process was launched: until the host had
/// started (<see cref="Started"/>) and until the reminder service had loaded its reminders
/// (<see cref="ReminderServiceStarted"/>). It is ready when both have happened.
/// </summary>
internal sealed record SiloStart(DateTimeOffset LaunchedAt, TimeSpan Started, TimeSpan ReminderServiceStarted)
{
    public TimeSpan Ready => Started > ReminderServiceStarted ? Started : ReminderServiceStarted;
}
