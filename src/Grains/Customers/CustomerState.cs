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
}
