using Mimo.Grains.Scheduling;

namespace Mimo.Grains.Tests.Scheduling;

/// <summary>Builds planner inputs: a Berlin customer, 09:00 Mon–Fri, a two-day gap, unless a test says otherwise.</summary>
internal sealed record PlannerScenario
{
    public static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public List<PlannedInvoice> Invoices { get; init; } = [];

    public ReminderFlow Flow { get; init; } = FlowOf(0);

    public string TimeZone { get; init; } = "Europe/Berlin";

    public TimeOnly SendTime { get; init; } = new(9, 0);

    public DayOfWeek[] BusinessDays { get; init; } = Weekdays;

    public int MinGap { get; init; } = 2;

    public HashSet<SentStep> Sent { get; init; } = [];

    public DateOnly? LastSentOn { get; init; }

    public DateTimeOffset? PausedUntil { get; init; }

    public DateTimeOffset Now { get; init; } = DateTimeOffset.Parse("2026-12-01T06:00:00Z");

    public static ReminderFlow FlowOf(params int[] offsets) =>
        new("wf", offsets.Select(o => new FlowStep($"s{o}", $"step {o}", o, "tpl")).ToList());

    public static PlannedInvoice Due(string id, string dueDate, decimal amountDue = 100m) =>
        new(id, DateOnly.Parse(dueDate), amountDue);

    public IReadOnlyList<PlannedSend> Plan() => ReminderPlanner.Plan(new PlannerInput(
        Invoices,
        Flow,
        new SendSettings(
            TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
            SendTime,
            BusinessDays.ToHashSet(),
            MinGap),
        Sent,
        LastSentOn,
        PausedUntil,
        Now));
}

internal static class PlanAssertions
{
    public static string Describe(this PlannedSend send) =>
        $"{send.SendAt.UtcDateTime:yyyy-MM-ddTHH:mm}Z {string.Join("+", send.Items.Select(i => $"{i.InvoiceId}:{i.Occurrence.Key}"))}";

    public static string[] Describe(this IReadOnlyList<PlannedSend> plan) => plan.Select(Describe).ToArray();
}
