using Mimo.Grains.Interfaces.Templates;

namespace Mimo.Grains.Templates;

/// <summary>
/// The template every new tenant starts with: a polite reminder that lists the open invoices with
/// their payment links and the totals per currency. It has no text body; the text is derived from
/// the HTML. The tenant may change or delete it like any of its own templates.
/// </summary>
public static class DefaultTemplate
{
    public const string Id = "default";

    public const string Name = "Payment reminder";

    public const string Subject = "Payment reminder from {{ tenant.name }}";

    public const string Html = """
        <!DOCTYPE html>
        <html>
        <head><meta charset="utf-8"></head>
        <body style="font-family: Arial, sans-serif; font-size: 14px; color: #222222; line-height: 1.5;">
        <p>Dear {{ customer.name }},</p>
        {% if message != blank %}
        <p>{{ message | newline_to_br }}</p>
        {% endif %}
        <p>
          According to our records, the following
          {% if invoices.size == 1 %}invoice is{% else %}invoices are{% endif %}
          still open. We would be grateful if you could arrange payment.
        </p>
        <table cellpadding="6" cellspacing="0" style="border-collapse: collapse; border: 1px solid #dddddd;">
          <thead>
            <tr style="background: #f5f5f5;">
              <th align="left">Invoice</th>
              <th align="left">Due date</th>
              <th align="right">Amount due</th>
              <th align="left">Status</th>
              <th align="left"></th>
            </tr>
          </thead>
          <tbody>
            {% for invoice in invoices %}
            <tr>
              <td>{{ invoice.number }}</td>
              <td>{{ invoice.due_date }}</td>
              <td align="right">{{ invoice.amount_due }} {{ invoice.currency }}</td>
              <td>
                {% if invoice.days_overdue > 0 %}
                {{ invoice.days_overdue }} {% if invoice.days_overdue == 1 %}day{% else %}days{% endif %} overdue
                {% else %}
                Not yet due
                {% endif %}
              </td>
              <td>{% if invoice.payment_url != blank %}<a href="{{ invoice.payment_url }}">Pay now</a>{% endif %}</td>
            </tr>
            {% endfor %}
          </tbody>
        </table>
        <p>
          <strong>Total due:</strong>
          {% for total in totals %}
          {{ total.amount_due }} {{ total.currency }}{% unless forloop.last %},{% endunless %}
          {% endfor %}
        </p>
        <p>If you have already paid, thank you, and please disregard this reminder.
        If you have any questions about {% if invoices.size == 1 %}this invoice{% else %}these invoices{% endif %},
        simply reply to this email.</p>
        <p>Kind regards,<br>{{ tenant.name }}</p>
        </body>
        </html>
        """;

    public static TemplateContent Content { get; } = new(Name, Subject, Html, null);
}
