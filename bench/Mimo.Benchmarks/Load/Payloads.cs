using System.Globalization;
using System.Text;

namespace Mimo.Benchmarks.Load;

/// <summary>
/// The bodies the benchmarks send: customers and invoices shaped like a real tenant's (a name, an
/// accounts-payable contact, a tag and a payment method; an invoice number, dates, an amount in
/// euros and a payment link), made ready as UTF-8 bytes so that building them costs nothing while
/// a measurement runs.
/// </summary>
internal static class Payloads
{
    public static string CustomerId(int customer) =>
        string.Create(CultureInfo.InvariantCulture, $"c-{customer:D6}");

    public static string InvoiceId(int invoice) =>
        string.Create(CultureInfo.InvariantCulture, $"INV-2026-{invoice:D7}");

    /// <summary>The body of <c>PUT /v1/customers/{customerId}/invoices/{invoiceId}</c>.</summary>
    public static byte[] InvoiceBody(int invoice, DateOnly dueDate) =>
        Encoding.UTF8.GetBytes("{" + InvoiceFields(invoice, dueDate) + "}");

    public static string CustomerLine(int customer) =>
        $$"""{"type":"customer","id":"{{CustomerId(customer)}}",{{CustomerFields(customer)}}}""";

    public static string InvoiceLine(int customer, int invoice, DateOnly dueDate) =>
        $$"""{"type":"invoice","customerId":"{{CustomerId(customer)}}","id":"{{InvoiceId(invoice)}}","""
        + InvoiceFields(invoice, dueDate) + "}";

    private static string CustomerFields(int customer) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""
        "name":"Customer {{customer:D6}} Trading GmbH",
        """
        + $$"""
        "contacts":[{"email":"ap-{{customer:D6}}@customer.example","name":"Accounts Payable"}],
        """
        + $$"""
        "tags":["wholesale"],"paymentMethod":"bank_transfer"
        """);

    private static string InvoiceFields(int invoice, DateOnly dueDate) => string.Create(
        CultureInfo.InvariantCulture,
        $$"""
        "number":"{{InvoiceId(invoice)}}","issueDate":"{{dueDate.AddDays(-30):yyyy-MM-dd}}",
        """
        + $$"""
        "dueDate":"{{dueDate:yyyy-MM-dd}}","currency":"EUR","amount":{{Amount(invoice)}},
        """
        + $$"""
        "paymentUrl":"https://pay.bench.example/{{InvoiceId(invoice)}}"
        """);

    private static string Amount(int invoice) =>
        (100m + (invoice * 7919 % 900_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
