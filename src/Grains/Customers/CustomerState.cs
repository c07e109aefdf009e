using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Customers;

/// <summary>
/// The persisted state of one customer. Closed invoices leave <see cref="OpenInvoices"/> for the
/// archive and a compact <see cref="PaidHistory"/> entry, so the whole-state write stays small.
/// </summary>
[GenerateSerializer, Alias("mimo.CustomerState")]
public sealed class CustomerState
{
    /// <summary>Null until the customer is created, and again after it is deleted.</summary>
    [Id(0)]
    public CustomerDetails? Details { get; set; }

    [Id(1)]
    public List<Invoice> OpenInvoices { get; set; } = [];

    [Id(2)]
    public IReadOnlyList<PaidInvoiceRecord> PaidHistory { get; set; } = Array.Empty<PaidInvoiceRecord>();

    [Id(3)]
    public CustomerReminderSettings Reminders { get; set; } = CustomerReminderSettings.Default;

    [Id(4)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(5)]
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The (invoice, step) pairs already queued or sent, for open invoices only.</summary>
    [Id(6)]
    public List<SentStepRecord> SentSteps { get; set; } = [];

    /// <summary>When the latest reminder (automatic or manual) was queued, for the minimum gap.</summary>
    [Id(7)]
    public DateTimeOffset? LastReminderAt { get; set; }

    /// <summary>Emails decided on but not yet delivered; they leave when delivered, skipped or given up.</summary>
    [Id(8)]
    public List<OutboxEmail> Outbox { get; set; } = [];

    /// <summary>
    /// Activity entries not yet confirmed in the activity log. They are written with the state
    /// change they describe and appended to the log afterwards (appending twice is harmless).
    /// </summary>
    [Id(9)]
    public List<ActivityEntry> PendingActivity { get; set; } = [];

    /// <summary>Set when the engine stopped the reminders itself, e.g. an address bounced.</summary>
    [Id(10)]
    public ReminderSuspension? Suspension { get; set; }

    /// <summary>Contact addresses the mail server refused permanently; they get no more email.</summary>
    [Id(11)]
    public List<FlaggedContact> FlaggedContacts { get; set; } = [];

    /// <summary>
    /// When the customer's Orleans reminder is due, as last registered; null when none is. A reminder
    /// that is due too early is harmless (the tick re-plans), so it is moved at once only when the
    /// plan needs it earlier.
    /// </summary>
    [Id(12)]
    public DateTimeOffset? ReminderDueAt { get; set; }

    /// <summary>Manual reminder requests of the last 48 hours, newest last, so that a repeat sends nothing.</summary>
    [Id(13)]
    public List<ManualRequestRecord> ManualRequests { get; set; } = [];

    /// <summary>
    /// False until an invoice of this customer closes: until then an id that is not open is a new
    /// invoice, and the archive need not be asked about it.
    /// </summary>
    [Id(14)]
    public bool HasClosedInvoices { get; set; }

    public bool Exists => Details is not null;

    public Invoice? FindOpen(string invoiceId) => OpenInvoices.Find(i => i.Id == invoiceId);

    public void Replace(Invoice invoice)
    {
        var index = OpenInvoices.FindIndex(i => i.Id == invoice.Id);
        if (index < 0)
        {
            OpenInvoices.Add(invoice);
        }
        else
        {
            OpenInvoices[index] = invoice;
        }
    }

    public IReadOnlyList<MoneyAmount> Outstanding => Money.OutstandingByCurrency(OpenInvoices);

    public OutboxEmail? FindOutbox(string messageId) => Outbox.Find(e => e.MessageId == messageId);

    /// <summary>Forgets the sent steps of invoices that are no longer open; they can never be sent again.</summary>
    public void PruneSentSteps() =>
        SentSteps.RemoveAll(step => FindOpen(step.InvoiceId) is null);
}
