namespace Mimo.Grains.Scheduling;

/// <summary>When a customer may be emailed: its time zone, the tenant's send time, business days and gap.</summary>
public sealed record SendSettings(
    TimeZoneInfo TimeZone,
    TimeOnly SendTime,
    IReadOnlySet<DayOfWeek> BusinessDays,
    int MinDaysBetweenReminders)
{
    /// <summary>How late a send that was due today may still go out, e.g. after a silo restart.</summary>
    public static readonly TimeSpan LateSendGrace = TimeSpan.FromHours(3);
}
