using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Import;

/// <summary>One line of an import: a command to apply, or a rejection.</summary>
public abstract record ImportEntry(int Line);

/// <summary>One valid line of an import, ready to apply to its customer's grain.</summary>
public abstract record ImportCommand(int Line, string CustomerId) : ImportEntry(Line)
{
    /// <summary>The change the line asks of its customer.</summary>
    public abstract CustomerChange ToChange();
}

public sealed record ImportCustomer(int Line, string CustomerId, CustomerDetails Details)
    : ImportCommand(Line, CustomerId)
{
    public override CustomerChange ToChange() => CustomerChange.Upsert(Details);
}

public sealed record ImportInvoice(int Line, string CustomerId, string InvoiceId, InvoiceDetails Details)
    : ImportCommand(Line, CustomerId)
{
    public override CustomerChange ToChange() => CustomerChange.UpsertInvoice(InvoiceId, Details);
}

public sealed record ImportPayment(int Line, string CustomerId, string InvoiceId, PaymentDetails Payment)
    : ImportCommand(Line, CustomerId)
{
    public override CustomerChange ToChange() => CustomerChange.RecordPayment(InvoiceId, Payment);
}
