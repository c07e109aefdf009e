namespace Mimo.Grains.Scheduling;

/// <summary>
/// One step of a flow. <see cref="Key"/> identifies the step in the record of what was sent, so it
/// must stay the same when the flow is edited around it.
/// </summary>
public sealed record FlowStep(string Key, string Name, int OffsetDays, string TemplateId);

/// <summary>Repeats the last step every <see cref="EveryDays"/> days, at most <see cref="MaxTimes"/> times.</summary>
public sealed record FlowRepeat(int EveryDays, int MaxTimes);

/// <summary>
/// The steps a customer's invoices follow, each an offset in days from the due date.
/// <see cref="RepeatName"/> names a repeat from its offset; without it a repeat takes the last step's name.
/// </summary>
public sealed record ReminderFlow(
    string Id,
    IReadOnlyList<FlowStep> Steps,
    FlowRepeat? Repeat = null,
    Func<int, string>? RepeatName = null)
{
    /// <summary>
    /// Every step an invoice goes through, repeats included, in the order they fall due. Each carries
    /// its position, so that a later step supersedes an earlier one that was never sent.
    /// </summary>
    public IReadOnlyList<FlowOccurrence> Occurrences()
    {
        var ordered = Steps.OrderBy(s => s.OffsetDays).ToList();
        var occurrences = ordered
            .Select((step, index) => new FlowOccurrence(step, step.OffsetDays, step.Key, index, step.Name))
            .ToList();
        if (Repeat is null || ordered.Count == 0)
        {
            return occurrences;
        }

        var last = ordered[^1];
        for (var time = 1; time <= Repeat.MaxTimes; time++)
        {
            var offset = last.OffsetDays + (time * Repeat.EveryDays);
            var name = RepeatName?.Invoke(offset) ?? last.Name;
            occurrences.Add(new FlowOccurrence(last, offset, $"{last.Key}#{time}", occurrences.Count, name));
        }

        return occurrences;
    }
}

/// <summary>A step as it falls for invoices: the step, its offset, key and name (a repeat has its own), its position.</summary>
public sealed record FlowOccurrence(FlowStep Step, int OffsetDays, string Key, int Position, string Name);
