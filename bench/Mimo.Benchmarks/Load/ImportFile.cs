using System.Text;

namespace Mimo.Benchmarks.Load;

/// <summary>An NDJSON import body, as one platform's nightly export might look.</summary>
internal static class ImportFile
{
    /// <summary>
    /// Every customer first, then the invoices in rounds (invoice 1 of each customer, invoice 2
    /// of each, …), the way an export sorted by date interleaves customers. Invoice numbers run
    /// from <paramref name="firstInvoice"/>, customer ids from <paramref name="firstCustomer"/>.
    /// </summary>
    public static byte[] Build(
        int customers,
        int invoicesPerCustomer,
        Func<int, DateOnly> dueDate,
        int firstCustomer = 0,
        int firstInvoice = 0)
    {
        var file = new StringBuilder();
        for (var c = 0; c < customers; c++)
        {
            file.Append(Payloads.CustomerLine(firstCustomer + c)).Append('\n');
        }

        var invoice = firstInvoice;
        for (var round = 0; round < invoicesPerCustomer; round++)
        {
            for (var c = 0; c < customers; c++, invoice++)
            {
                file.Append(Payloads.InvoiceLine(firstCustomer + c, invoice, dueDate(invoice))).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(file.ToString());
    }

    /// <summary>Customers only, each line a customer.</summary>
    public static byte[] Customers(int customers, int firstCustomer = 0) =>
        Build(customers, 0, _ => default, firstCustomer);
}
