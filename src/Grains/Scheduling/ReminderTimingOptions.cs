namespace Mimo.Grains.Scheduling;

/// <summary>
/// How customers keep their reminders and delivery deadlines (configuration section
/// <c>Reminders</c>: <c>Reminders__ReminderPeriod</c>, <c>Reminders__DeliveryReportTimeout</c>).
/// </summary>
public sealed class ReminderTimingOptions
{
    public const string SectionName = "Reminders";

    /// <summary>The shortest either setting may be.</summary>
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How soon a customer's reminder ticks again after its due time when nothing moved it: the
    /// longest a tick missed while a silo was down (or a lost delivery report) waits. Default
    /// 5 minutes; at least 10 seconds.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an email handed to delivery may go without a report before the customer hands it
    /// over again (the silo that had it may have stopped). Default 10 minutes; at least 10 seconds.
    /// </summary>
    public TimeSpan DeliveryReportTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsValid => ReminderPeriod >= Shortest && DeliveryReportTimeout >= Shortest
        && ReminderPeriod <= TimeSpan.FromDays(1) && DeliveryReportTimeout <= TimeSpan.FromDays(1);
}
