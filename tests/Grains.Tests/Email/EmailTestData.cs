using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Email;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Telemetry;

namespace Mimo.Grains.Tests.Email;

/// <summary>Ordinary template models, templates and emails for the email tests.</summary>
internal static class EmailTestData
{
    public static TemplateModel AModel(
        string customerName = "Acme GmbH",
        string message = "",
        params InvoiceModel[] invoices)
    {
        var listed = invoices.Length > 0 ? invoices : [AnInvoice()];
        var totals = listed
            .GroupBy(i => i.Currency, StringComparer.Ordinal)
            .Select(g => new TotalModel(g.Key, g.Sum(i => i.AmountDue)))
            .ToList();
        return new TemplateModel(
            new TenantModel("Globex Software"),
            new CustomerModel("cust-42", customerName),
            listed,
            totals,
            new StepModel("First reminder"),
            message);
    }

    public static InvoiceModel AnInvoice(
        decimal amountDue = 1200m,
        string currency = "EUR",
        string number = "INV-1",
        string? paymentUrl = "https://pay.example/inv-1") =>
        new(
            number,
            new DateOnly(2026, 3, 4),
            new DateOnly(2026, 4, 3),
            amountDue + 100m,
            amountDue,
            currency,
            12,
            paymentUrl);

    public static TemplateContent ATemplate(string html, string subject = "Reminder", string? text = null) =>
        new("Friendly", subject, html, text);

    /// <summary>A cache key no other test uses, so each test parses its own template.</summary>
    public static string AKey() => $"tenant/{Guid.NewGuid():N}@1";

    public static OutgoingEmail AnEmail(params string[] to) =>
        new(
            $"mimo.{Guid.NewGuid():N}@tenant-1.mimo",
            new EmailAddress("billing@globex.test", "Globex Billing"),
            null,
            (to.Length > 0 ? to : ["ap@acme.test"]).Select(a => new EmailAddress(a)).ToList(),
            "Your invoice INV-1 is due",
            "<p>Please pay <b>INV-1</b>.</p>",
            "Please pay INV-1.");

    /// <summary>Metrics on a meter of their own, so tests running side by side do not mix.</summary>
    public static MimoMetrics AMetrics() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
}
