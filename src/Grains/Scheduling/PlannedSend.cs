namespace Mimo.Grains.Scheduling;

/// <summary>
/// One invoice's step in a planned email, with the earlier steps of the same invoice that fell due
/// unsent (after a gap) and are passed over for it.
/// </summary>
public sealed record PlannedItem(string InvoiceId, FlowOccurrence Occurrence, IReadOnlyList<FlowOccurrence> Superseded)
{
    public PlannedItem(string invoiceId, FlowOccurrence occurrence)
        : this(invoiceId, occurrence, [])
    {
    }
}

/// <summary>
/// One planned email: every invoice of the customer whose step falls on that local day, sent with
/// the template of the most advanced of those steps.
/// </summary>
public sealed record PlannedSend(DateTimeOffset SendAt, DateOnly LocalDate, IReadOnlyList<PlannedItem> Items)
{
    public FlowStep Step => Lead.Occurrence.Step;

    /// <summary>The name of the most advanced step of the email (a repeat's own name).</summary>
    public string StepName => Lead.Occurrence.Name;

    public string TemplateId => Step.TemplateId;

    public IReadOnlyList<string> InvoiceIds => Items.Select(i => i.InvoiceId).ToList();

    private PlannedItem Lead => Items
        .OrderByDescending(i => i.Occurrence.Position)
        .ThenBy(i => i.InvoiceId, StringComparer.Ordinal)
        .First();
}
