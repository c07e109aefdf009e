namespace Mimo.Api.Tests.Infrastructure;

/// <summary>Ordinary request bodies.</summary>
public static class Bodies
{
    public static object Customer(string name = "Globex GmbH", string email = "ap@globex.example", params string[] tags) =>
        new
        {
            name,
            contacts = new[] { new { email, name = "Accounts Payable" } },
            tags,
            paymentMethod = "bank_transfer",
        };

    public static object Invoice(
        decimal amount = 1200m,
        string currency = "EUR",
        string issueDate = "2026-10-01",
        string dueDate = "2026-10-31") =>
        new { issueDate, dueDate, currency, amount };

    public static object Payment(decimal amount, string paidOn = "2026-11-05", string? reference = null) =>
        new { amount, paidOn, reference };
}
