namespace Mimo.Benchmarks.Load;

/// <summary>
/// Untimed work before a measurement, on customers of their own: an import, then a round of
/// invoice PUTs with every connection in use. It compiles the hot paths of the API and the silo,
/// opens the HTTP connections and fills the database pools, as in a service that has been running.
/// </summary>
internal static class WarmUp
{
    public const int FirstCustomer = 900_000;
    public const int FirstInvoice = 9_000_000;

    public static async Task RunAsync(TenantApi tenant, int concurrency, TimeSpan limit)
    {
        var dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var file = ImportFile.Build(concurrency, 1, _ => dueDate, FirstCustomer, FirstInvoice);
        await tenant.ImportAsync(file, CancellationToken.None);
        await ConcurrentLoad.RunAsync(concurrency * 2, concurrency, limit, (i, cancellationToken) =>
        {
            var customer = Payloads.CustomerId(FirstCustomer + i % concurrency);
            var invoice = FirstInvoice + concurrency + i;
            return tenant.PutAsync(
                $"/v1/customers/{customer}/invoices/{Payloads.InvoiceId(invoice)}",
                Payloads.InvoiceBody(invoice, dueDate),
                cancellationToken);
        });
    }
}
