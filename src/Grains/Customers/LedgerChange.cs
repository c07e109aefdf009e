using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Customers;

/// <summary>
/// What an invoice command decided: the answer for the caller, whether the state changed, and the
/// invoice that closed (paid or void) and so moves to the archive.
/// </summary>
public sealed record LedgerChange(GrainResult<InvoiceView> Result, bool StateChanged, InvoiceView? Closed = null)
{
    public static LedgerChange Unchanged(GrainResult<InvoiceView> result) => new(result, false);

    public static LedgerChange Changed(GrainResult<InvoiceView> result, InvoiceView? closed = null) =>
        new(result, true, closed);
}
