using Mimo.Grains.Interfaces.Templates;

namespace Mimo.Grains.Templates;

/// <summary>
/// The built-in messages of smart reminders: friendly for timely payers, neutral for average and
/// unscored ones, firm for late ones. They are part of the engine, not of a tenant (their ids
/// start with <see cref="Prefix"/>, which tenant ids cannot), and a tenant replaces any of them with
/// its own template through its <c>smartTemplates</c> setting.
/// </summary>
public static class SmartTemplates
{
    public const string Prefix = "builtin:";
    public const string FriendlyId = Prefix + "smart-friendly";
    public const string NeutralId = Prefix + "smart-neutral";
    public const string FirmId = Prefix + "smart-firm";

    private const string InvoiceTable = """
        <table cellpadding="6" cellspacing="0" style="border-collapse: collapse; border: 1px solid #dddddd;">
          <tr style="background: #f5f5f5;">
            <th align="left">Invoice</th><th align="left">Due date</th><th align="right">Amount due</th><th align="left"></th>
          </tr>
          {% for invoice in invoices %}
          <tr>
            <td>{{ invoice.number }}</td>
            <td>{{ invoice.due_date }}{% if invoice.days_overdue > 0 %} ({{ invoice.days_overdue }} days overdue){% endif %}</td>
            <td align="right">{{ invoice.amount_due }} {{ invoice.currency }}</td>
            <td>{% if invoice.payment_url != blank %}<a href="{{ invoice.payment_url }}">Pay now</a>{% endif %}</td>
          </tr>
          {% endfor %}
        </table>
        <p><strong>Total due:</strong>
        {% for total in totals %}{{ total.amount_due }} {{ total.currency }}{% unless forloop.last %}, {% endunless %}{% endfor %}</p>
        """;

    private static readonly IReadOnlyDictionary<string, TemplateContent> All = new Dictionary<string, TemplateContent>
    {
        [FriendlyId] = new(
            "Smart reminder: friendly",
            "A friendly reminder from {{ tenant.name }}",
            Body(
                "<p>Thank you for being such a reliable customer. This is just a friendly note that the following "
                + "invoices are open, in case they slipped through:</p>",
                "<p>If you have already paid, please ignore this email. Thank you!</p>"),
            null),
        [NeutralId] = new(
            "Smart reminder: neutral",
            "Payment reminder from {{ tenant.name }}",
            Body(
                "<p>According to our records, the following invoices are still open. Please arrange payment "
                + "by the due date.</p>",
                "<p>If you have already paid, thank you, and please disregard this reminder. If anything is unclear, "
                + "simply reply to this email.</p>"),
            null),
        [FirmId] = new(
            "Smart reminder: firm",
            "Overdue: please pay your open invoices to {{ tenant.name }}",
            Body(
                "<p>The following invoices are overdue or about to be. <strong>Please pay them now</strong>, or reply "
                + "to this email today if there is a problem we should know about.</p>",
                "<p>If payment is already on its way, please let us know when it was sent.</p>"),
            null),
    };

    public static bool IsBuiltIn(string templateId) => templateId.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>A built-in template as if it were stored (version 1, never changes).</summary>
    public static MessageTemplate? Find(string templateId) =>
        All.TryGetValue(templateId, out var content)
            ? new MessageTemplate(templateId, content, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)
            : null;

    private static string Body(string opening, string closing) => $$$"""
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"></head>
        <body style="font-family: Arial, sans-serif; font-size: 14px; color: #222222; line-height: 1.5;">
        <p>Dear {{ customer.name }},</p>
        {{{opening}}}
        {% if message != blank %}<p>{{ message }}</p>{% endif %}
        {{{InvoiceTable}}}
        {{{closing}}}
        <p>Kind regards,<br>{{ tenant.name }}</p>
        </body>
        </html>
        """;
}
