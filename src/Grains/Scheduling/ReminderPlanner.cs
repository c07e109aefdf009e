namespace Mimo.Grains.Scheduling;

/// <summary>
/// Works out a customer's future automatic sends from its state, flow, settings and the clock.
/// The rules, in the order they apply:
/// each (invoice, step) is sent at most once, and never after a later step of the same invoice;
/// a step falls on due date + offset, moved to the next business day, at the send time in the
/// customer's time zone; of several steps of one invoice that are due, only the latest is sent;
/// all invoices due on one local day go in one email; consecutive emails are at least the minimum
/// gap apart; nothing goes out while the customer is paused or for an invoice on hold; a send due
/// today that was missed by less than <see cref="SendSettings.LateSendGrace"/> goes out now.
/// </summary>
public static class ReminderPlanner
{
    /// <summary>How far ahead a plan looks, in sends.</summary>
    public const int MaxPlannedSends = 60;

    public static IReadOnlyList<PlannedSend> Plan(PlannerInput input)
    {
        var calendar = new SendCalendar(input.Settings);
        var pending = PendingSteps(input, calendar);
        var (earliestDay, sendNowDay) = FirstDay(input, calendar);
        var lastSentOn = input.LastSentOn;
        var plan = new List<PlannedSend>();

        while (plan.Count < MaxPlannedSends && pending.Values.Any(steps => steps.Count > 0))
        {
            var day = NextSendDay(input, calendar, pending, earliestDay, lastSentOn);
            var items = TakeDueItems(pending, input.Invoices, day);
            if (items.Count == 0)
            {
                break;
            }

            var sendAt = day == sendNowDay ? input.Now : calendar.SlotOn(day);
            plan.Add(new PlannedSend(sendAt, day, items));
            lastSentOn = day;
            earliestDay = day.AddDays(1);
        }

        return plan;
    }

    /// <summary>The steps still to send per invoice, each with the local day it falls on, in order.</summary>
    private static Dictionary<string, List<(DateOnly Day, FlowOccurrence Occurrence)>> PendingSteps(
        PlannerInput input,
        SendCalendar calendar)
    {
        var occurrences = input.Flow.Occurrences();
        var pending = new Dictionary<string, List<(DateOnly, FlowOccurrence)>>(StringComparer.Ordinal);
        foreach (var invoice in input.Invoices.Where(i => i.AmountDue > 0 && !i.HeldIndefinitely))
        {
            var sent = input.Sent.Where(s => s.InvoiceId == invoice.Id).ToList();
            var sentKeys = sent.Select(s => s.StepKey).ToHashSet(StringComparer.Ordinal);
            var sentUpTo = occurrences
                .Where(o => sentKeys.Contains(o.Key))
                .Select(o => o.Position)
                .DefaultIfEmpty(-1)
                .Max();
            var sentOffset = sent.Max(s => s.OffsetDays);
            pending[invoice.Id] = occurrences
                .Where(o => o.Position > sentUpTo && (sentOffset is null || o.OffsetDays > sentOffset))
                .Select(o => (calendar.OnOrAfterBusinessDay(invoice.DueDate.AddDays(o.OffsetDays)), o))
                .ToList();
        }

        return pending;
    }

    /// <summary>
    /// The first local day a send may fall on, and the day (if any) whose missed slot is still
    /// recent enough to send now rather than on the next business day.
    /// </summary>
    private static (DateOnly Earliest, DateOnly? SendNowDay) FirstDay(PlannerInput input, SendCalendar calendar)
    {
        var today = calendar.LocalDate(input.Now);
        var slot = calendar.SlotOn(today);
        var missedRecently = calendar.IsBusinessDay(today)
            && slot < input.Now
            && input.Now - slot <= SendSettings.LateSendGrace;
        return missedRecently ? (today, today) : (calendar.FirstDayWithSlotAtOrAfter(input.Now), null);
    }

    private static DateOnly NextSendDay(
        PlannerInput input,
        SendCalendar calendar,
        Dictionary<string, List<(DateOnly Day, FlowOccurrence Occurrence)>> pending,
        DateOnly earliestDay,
        DateOnly? lastSentOn)
    {
        var firstEligible = input.Invoices
            .Where(i => pending.TryGetValue(i.Id, out var steps) && steps.Count > 0)
            .Min(i => Max(pending[i.Id][0].Day, i.HoldUntil?.AddDays(1)));
        var day = Max(firstEligible, earliestDay);
        day = Max(day, lastSentOn?.AddDays(Math.Max(1, input.Settings.MinDaysBetweenReminders)));
        if (input.PausedUntil is { } pausedUntil)
        {
            day = Max(day, calendar.FirstDayWithSlotAtOrAfter(pausedUntil));
        }

        return calendar.OnOrAfterBusinessDay(day);
    }

    /// <summary>
    /// For each invoice not on hold that day, the latest step due by then; earlier due steps of the
    /// same invoice are dropped, so a gap never turns into a burst.
    /// </summary>
    private static List<PlannedItem> TakeDueItems(
        Dictionary<string, List<(DateOnly Day, FlowOccurrence Occurrence)>> pending,
        IReadOnlyList<PlannedInvoice> invoices,
        DateOnly day)
    {
        var items = new List<PlannedItem>();
        foreach (var invoice in invoices.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            if (!pending.TryGetValue(invoice.Id, out var steps) || invoice.HoldUntil >= day)
            {
                continue;
            }

            var due = steps.Where(s => s.Day <= day).ToList();
            if (due.Count == 0)
            {
                continue;
            }

            items.Add(new PlannedItem(invoice.Id, due[^1].Occurrence, due[..^1].Select(s => s.Occurrence).ToList()));
            steps.RemoveRange(0, due.Count);
        }

        return items;
    }

    private static DateOnly Max(DateOnly day, DateOnly? other) => other is { } o && o > day ? o : day;
}
