using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Import;

/// <summary>One line of an import: a command to apply, or a rejection.</summary>
public abstract record ImportEntry(int Line);

/// <summary>One valid line of an import, ready to apply to its customer's grain.</summary>
public abstract record ImportCommand(int Line, string CustomerId) : ImportEntry(Line)
{
    /// <summary>Applies the line; null when it succeeded, else the reason it was rejected.</summary>
    public abstract Task<string?> ApplyAsync(ICustomerGrain customer);

    protected static string? ErrorOf<T>(GrainResult<T> result) =>
        result.Succeeded ? null : result.Error ?? result.Status.ToString();
}

public sealed record ImportCustomer(int Line, string CustomerId, CustomerDetails Details)
    : ImportCommand(Line, CustomerId)
{
    public override async Task<string?> ApplyAsync(ICustomerGrain customer) =>
        ErrorOf(await customer.UpsertAsync(Details));
}

public sealed record ImportInvoice(int Line, string CustomerId, string InvoiceId, InvoiceDetails Details)
    : ImportCommand(Line, CustomerId)
{
    public override async Task<string?> ApplyAsync(ICustomerGrain customer) =>
        ErrorOf(await customer.UpsertInvoiceAsync(InvoiceId, Details));
}

public sealed record ImportPayment(int Line, string CustomerId, string InvoiceId, PaymentDetails Payment)
    : ImportCommand(Line, CustomerId)
{
    public override async Task<string?> ApplyAsync(ICustomerGrain customer) =>
        ErrorOf(await customer.RecordPaymentAsync(InvoiceId, Payment));
}
