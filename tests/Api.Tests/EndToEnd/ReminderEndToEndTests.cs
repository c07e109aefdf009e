using System.Net;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing.Smtp;

namespace Mimo.Api.Tests.EndToEnd;

/// <summary>
/// Automatic reminders over HTTP in real time, down to the SMTP server: a tenant sets a send time
/// that has just passed, so a step due today goes out at once. Run in memory and on PostgreSQL.
/// </summary>
public abstract class ReminderEndToEndTests(ReminderHost host)
{
    private const string Subject = "Overdue invoices from {{ tenant.name }} for {{ customer.name }}";

    private const string Html =
        "<p>Dear {{ customer.name }},</p><ul>{% for invoice in invoices %}"
        + "<li>{{ invoice.number }}: {{ invoice.amount_due }} {{ invoice.currency }}</li>{% endfor %}</ul>"
        + "{% for total in totals %}<p>Total: {{ total.amount_due }} {{ total.currency }}</p>{% endfor %}";

    private const string Text =
        "Dear {{ customer.name }},\n{% for invoice in invoices %}"
        + "- {{ invoice.number }}: {{ invoice.amount_due }} {{ invoice.currency }}\n{% endfor %}"
        + "{% for total in totals %}Total: {{ total.amount_due }} {{ total.currency }}\n{% endfor %}";

    [Fact]
    public async Task CustomMode_EmailsWhatIsOwed_SchedulesTheNextSteps_AndPaymentsEmptyTheSchedule()
    {
        var (tenant, today, sendTime, workflowId) = await TenantWithWorkflowAsync();
        var (customerId, email) = await CustomerAsync(tenant, "Globex GmbH");
        await tenant.PutInvoiceAsync(customerId, "INV-1", "2026-0042", 1200m, today.AddDays(-3));
        await tenant.PayAsync(customerId, "INV-1", 200m);
        await tenant.PutInvoiceAsync(customerId, "INV-2", "2026-0057", 450.50m, today);

        var reminders = await tenant.SetRemindersAsync(customerId, new { mode = "custom" });
        var received = await host.Smtp.WaitForMessageAsync(To(email), ReminderSetup.Wait);
        var activity = await tenant.WaitForActivityAsync(customerId, "sent");
        var schedule = await tenant.ScheduleAsync(customerId);

        Assert.Equal("custom", reminders.Text("mode"));
        AssertEmail(received, email, "Overdue invoices from Acme Billing for Globex GmbH");
        foreach (var part in new[] { received.Message.HtmlBody, received.Message.TextBody })
        {
            Assert.Contains("2026-0042: 1000.00 EUR", part, StringComparison.Ordinal);
            Assert.Contains("2026-0057: 450.50 EUR", part, StringComparison.Ordinal);
            Assert.Contains("Total: 1450.50 EUR", part, StringComparison.Ordinal);
        }

        var sent = Assert.Single(activity, a => a.Text("kind") == "sent");
        Assert.Equal(received.Message.MessageId, sent.Text("messageId"));
        Assert.Equal(received.Message.Subject, sent.Text("subject"));
        Assert.Equal([email], sent.GetProperty("to").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["INV-1", "INV-2"], sent.GetProperty("invoiceIds").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("due", sent.Text("step"));
        Assert.Equal(
            [
                (At(today.AddDays(4), sendTime), "INV-1"),
                (At(today.AddDays(7), sendTime), "INV-2"),
            ],
            schedule.Select(s => (s.GetProperty("sendAt").GetDateTimeOffset(), Single(s.GetProperty("invoiceIds")))));
        Assert.All(schedule, s =>
        {
            Assert.Equal("week-later", s.Text("step"));
            Assert.Equal("planned", s.Text("status"));
            Assert.Equal(workflowId, s.Text("workflowId"));
        });

        await tenant.PayAsync(customerId, "INV-1", 1000m);
        await tenant.PayAsync(customerId, "INV-2", 450.50m);

        Assert.Empty(await tenant.ScheduleAsync(customerId));
        var customer = await (await tenant.Http.GetAsync($"/v1/customers/{customerId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("reminders").GetProperty("nextReminderAt").ValueKind);
    }

    [Fact]
    public async Task CustomerNameWithMarkup_IsShownEscapedInTheHtml()
    {
        var (tenant, today, _, _) = await TenantWithWorkflowAsync();
        var (customerId, email) = await CustomerAsync(tenant, "<b>Evil</b> & Co");
        await tenant.PutInvoiceAsync(customerId, "INV-1", "2026-0042", 100m, today);

        await tenant.SetRemindersAsync(customerId, new { mode = "custom" });
        var received = await host.Smtp.WaitForMessageAsync(To(email), ReminderSetup.Wait);

        const string Escaped = "<p>Dear &lt;b&gt;Evil&lt;/b&gt; &amp; Co,</p>";
        Assert.Contains(Escaped, received.Message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", received.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Dear <b>Evil</b> & Co,", received.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal("Overdue invoices from Acme Billing for <b>Evil</b> & Co", received.Message.Subject);
    }

    [Fact]
    public async Task LineBreaksInNames_AreRefusedAtTheEdge_AndNoSeparatorAddsAHeaderOrARecipient()
    {
        var (tenant, today, _, _) = await TenantWithWorkflowAsync();
        const string Injection = "Bcc: attacker@evil.test";

        var refused = await tenant.Http.PutJsonAsync($"/v1/customers/{TestIds.New("c")}", new
        {
            name = $"Globex\r\n{Injection}",
            contacts = new[] { new { email = "ap@globex.example", name = $"Accounts\r\n{Injection}" } },
        });
        var (customerId, email) = await CustomerAsync(
            tenant,
            $"Globex\u2028{Injection}\u2029",
            $"Accounts\u2028{Injection}\u2029{Injection}");
        await tenant.PutInvoiceAsync(customerId, "INV-1", "2026-0042", 100m, today);
        await tenant.SetRemindersAsync(customerId, new { mode = "custom" });
        var received = await host.Smtp.WaitForMessageAsync(To(email), ReminderSetup.Wait);

        await refused.ValidationProblemAsync("name", "contacts[0].name");
        Assert.Equal([email], received.EnvelopeRecipients);
        Assert.Empty(received.Message.Bcc);
        Assert.Empty(received.Message.Cc);
        Assert.Null(received.Message.Headers[MimeKit.HeaderId.Bcc]);
        var to = Assert.Single(received.Message.To.Mailboxes);
        Assert.Equal(email, to.Address);
        Assert.Equal($"Accounts {Injection} {Injection}", to.Name);
        Assert.Equal($"Overdue invoices from Acme Billing for Globex {Injection}", received.Message.Subject);
    }

    private async Task<(TenantClient Tenant, DateOnly Today, TimeOnly SendTime, string WorkflowId)>
        TenantWithWorkflowAsync()
    {
        var tenant = await host.Api.NewTenantAsync("Acme Billing");
        var (today, sendTime) = await tenant.SendNowAsync();
        var template = new { name = "Overdue", subject = Subject, html = Html, text = Text };
        var templateId = await tenant.CreateTemplateAsync(template);
        var workflowId = await tenant.CreateWorkflowAsync(templateId, ("due", 0), ("week-later", 7));
        return (tenant, today, sendTime, workflowId);
    }

    private static async Task<(string CustomerId, string Email)> CustomerAsync(
        TenantClient tenant,
        string name,
        string contactName = "Accounts Payable")
    {
        var customerId = TestIds.New("c");
        var email = $"ap-{customerId}@globex.example";
        await tenant.PutCustomerAsync(customerId, new { name, contacts = new[] { new { email, name = contactName } } });
        return (customerId, email);
    }

    private static void AssertEmail(ReceivedEmail received, string email, string subject)
    {
        Assert.Equal([email], received.EnvelopeRecipients);
        Assert.Equal(email, Assert.Single(received.Message.To.Mailboxes).Address);
        Assert.Equal("billing@acme.example", Assert.Single(received.Message.From.Mailboxes).Address);
        Assert.Equal(subject, received.Message.Subject);
        Assert.NotNull(received.Message.HtmlBody);
        Assert.NotNull(received.Message.TextBody);
    }

    private static Func<ReceivedEmail, bool> To(string email) => m => m.EnvelopeRecipients.Contains(email);

    private static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), TimeSpan.Zero);

    private static string Single(JsonElement ids) => Assert.Single(ids.EnumerateArray()).GetString()!;
}

public sealed class InMemoryReminderEndToEndTests(InMemoryReminderHost host)
    : ReminderEndToEndTests(host), IClassFixture<InMemoryReminderHost>;

public sealed class PostgresReminderEndToEndTests(PostgresReminderHost host)
    : ReminderEndToEndTests(host), IClassFixture<PostgresReminderHost>;
