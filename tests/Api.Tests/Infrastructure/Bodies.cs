using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mimo.Api.Tests.Infrastructure;

/// <summary>Ordinary request bodies.</summary>
public static class Bodies
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

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

    public static object Template(
        string name = "Friendly reminder",
        string subject = "Invoices from {{ tenant.name }}",
        string html = "<p>Dear {{ customer.name }},</p>",
        string? text = null,
        string? id = null) =>
        new { id, name, subject, html, text };

    public static object Workflow(string name = "Standard", int priority = 0, string templateId = "default", string? id = null) =>
        new
        {
            id,
            name,
            priority,
            audience = new
            {
                tags = new[] { "wholesale" },
                bands = new[] { "late", "average" },
                paymentMethods = new[] { "bank_transfer", "direct_debit" },
                minOutstanding = 100m,
            },
            steps = new[]
            {
                new { name = "before", offsetDays = -3, templateId },
                new { name = "after", offsetDays = 7, templateId },
            },
            repeat = new { everyDays = 7, maxTimes = 4 },
        };

    /// <summary>
    /// The JSON of <paramref name="body"/> with one top-level property replaced by the raw JSON
    /// <paramref name="value"/>, or removed when it is null.
    /// </summary>
    public static string With(object body, string property, string? value)
    {
        var json = JsonSerializer.SerializeToNode(body, Options)!.AsObject();
        json.Remove(property);
        if (value is not null)
        {
            json[property] = JsonNode.Parse(value);
        }

        return json.ToJsonString();
    }
}
