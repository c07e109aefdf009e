using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Testing;

/// <summary>Fresh ids and ordinary customers and invoices for tests.</summary>
public static class TestData
{
    public static string NewId(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..24];

    public static CustomerDetails ACustomer(string name = "Acme GmbH", params string[] tags) =>
        new(name, new List<Contact> { new("ap@acme.test", "Accounts payable") }, "Europe/Berlin", tags.ToList(),
            PaymentMethod.BankTransfer);

    public static InvoiceDetails AnInvoice(
        decimal amount = 100m,
        string currency = "EUR",
        string number = "INV-1",
        DateOnly? due = null) =>
        new(number, new DateOnly(2026, 11, 1), due ?? new DateOnly(2026, 12, 1), currency, amount, null);

    public static PaymentDetails APayment(decimal amount, DateOnly? paidOn = null, string? reference = null) =>
        new(amount, paidOn ?? new DateOnly(2026, 12, 2), reference);
}
