using System.Text.Encodings.Web;
using Fluid;
using Mimo.Grains.Email;
using Mimo.Grains.Templates;
using static Mimo.Grains.Tests.Email.EmailTestData;

namespace Mimo.Grains.Tests.Templates;

/// <summary>The default template parses, and renders the documented model into a sensible email.</summary>
public sealed class DefaultTemplateTests
{
    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder().Build();

    [Fact]
    public void DefaultTemplate_Parses_AndHasNoTextBody()
    {
        Assert.Empty(TemplateSyntax.Validate(DefaultTemplate.Content));
        Assert.Null(DefaultTemplate.Content.Text);
        Assert.Equal("default", DefaultTemplate.Id);
    }

    [Fact]
    public void Subject_NamesTheTenant()
    {
        var subject = Render(DefaultTemplate.Subject, Model(message: ""));

        Assert.Equal("Payment reminder from Acme Billing", subject);
    }

    [Fact]
    public void Html_ListsEachInvoiceWithItsLinkAndTheTotals()
    {
        var html = Render(DefaultTemplate.Html, Model(message: ""));

        Assert.Contains("Dear Globex &amp; Co,", html);
        Assert.Contains("INV-1", html);
        Assert.Contains("2026-10-31", html);
        Assert.Contains("1200.00 EUR", html);
        Assert.Contains("12 days overdue", html);
        Assert.Contains("Not yet due", html);
        Assert.Contains("href=\"https://pay.example/inv-1\"", html);
        Assert.Single(html.Split("Pay now")[1..]);
        Assert.Contains("1300.00 EUR", html);
        Assert.Contains("50.00 USD", html);
        Assert.Contains("Kind regards,<br>Acme Billing", html);
    }

    [Fact]
    public void Html_ShowsTheMessageOnlyWhenThereIsOne()
    {
        var with = Render(DefaultTemplate.Html, Model(message: "Please call us about the second invoice."));
        var without = Render(DefaultTemplate.Html, Model(message: ""));

        Assert.Contains("<p>Please call us about the second invoice.</p>", with);
        Assert.DoesNotContain("<p></p>", without);
    }

    [Fact]
    public void AMessageWithLineBreaks_KeepsThemInBothBodies_AndItsTextIsEncoded()
    {
        var message = "First <b>line</b>.\nSecond line.\n\nNew paragraph.";

        var email = new TemplateRenderer().Render(AKey(), DefaultTemplate.Content, AModel(message: message));

        Assert.Contains(
            "<p>First &lt;b&gt;line&lt;/b&gt;.<br />\nSecond line.<br />\n<br />\nNew paragraph.</p>",
            email.Html,
            StringComparison.Ordinal);
        Assert.Contains("First <b>line</b>.\nSecond line.\n\nNew paragraph.", email.Text, StringComparison.Ordinal);
    }

    private static string Render(string source, Dictionary<string, object?> model)
    {
        var template = Parser.Parse(source);
        return template.Render(new TemplateContext(model, Options), HtmlEncoder.Default);
    }

    private static Dictionary<string, object?> Model(string message) => new()
    {
        ["tenant"] = new Dictionary<string, object?> { ["name"] = "Acme Billing" },
        ["customer"] = new Dictionary<string, object?> { ["id"] = "c-1", ["name"] = "Globex & Co" },
        ["invoices"] = new List<object>
        {
            Invoice("INV-1", "2026-10-31", "1200.00", "EUR", 12, "https://pay.example/inv-1"),
            Invoice("INV-2", "2026-11-30", "100.00", "EUR", 0, null),
            Invoice("INV-3", "2026-10-15", "50.00", "USD", 28, null),
        },
        ["totals"] = new List<object>
        {
            new Dictionary<string, object?> { ["currency"] = "EUR", ["amount_due"] = "1300.00" },
            new Dictionary<string, object?> { ["currency"] = "USD", ["amount_due"] = "50.00" },
        },
        ["step"] = new Dictionary<string, object?> { ["name"] = "first" },
        ["message"] = message,
    };

    private static Dictionary<string, object?> Invoice(
        string number,
        string dueDate,
        string amountDue,
        string currency,
        int daysOverdue,
        string? paymentUrl) => new()
        {
            ["number"] = number,
            ["issue_date"] = "2026-10-01",
            ["due_date"] = dueDate,
            ["amount"] = amountDue,
            ["amount_due"] = amountDue,
            ["currency"] = currency,
            ["days_overdue"] = daysOverdue,
            ["payment_url"] = paymentUrl,
        };
}
