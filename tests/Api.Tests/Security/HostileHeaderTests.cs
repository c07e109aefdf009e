using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Security;

/// <summary>
/// No header can be added to an email through the API: line breaks in names, subjects and
/// addresses are refused at the edge, and the line separators that pass as text are folded into
/// one header line when the email is written.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HostileHeaderTests(ApiFixture api)
{
    private const string Injection = "\r\nBcc: victim@evil.example";

    public static TheoryData<string, string, string, string> LineBreaks => new()
    {
        { "PATCH", "/v1/tenant", """{"sender":{"name":"B%CRLF%","email":"b@acme.example"}}""", "sender.name" },
        { "PATCH", "/v1/tenant", """{"sender":{"name":"B","email":"b@acme.example%CRLF%"}}""", "sender.email" },
        { "PATCH", "/v1/tenant", """{"replyTo":"help@acme.example%CRLF%"}""", "replyTo" },
        { "PUT", "/v1/customers/c-1", """{"name":"Acme%CRLF%"}""", "name" },
        { "PUT", "/v1/customers/c-1", """{"name":"Acme","contacts":[{"email":"ap@acme.example%CRLF%"}]}""",
            "contacts[0].email" },
        { "PUT", "/v1/customers/c-1", """{"name":"A","contacts":[{"email":"a@acme.example","name":"AP%CRLF%"}]}""",
            "contacts[0].name" },
        { "PUT", "/v1/templates/t-1", """{"name":"T","subject":"Hi%CRLF%","html":"<p>x</p>"}""", "subject" },
        { "POST", "/v1/customers/c-1/reminders/send", """{"subject":"Hi%CRLF%"}""", "subject" },
        { "POST", "/v1/reminders/batch", """{"items":[{"customerId":"c-1","subject":"Hi%CRLF%"}]}""",
            "items[0].subject" },
    };

    /// <summary>The injection as it is written inside a JSON string.</summary>
    private static string Escaped => Injection.Replace("\r", "\\r", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(LineBreaks))]
    public async Task LineBreaksInNamesSubjectsAndAddresses_Are400NamingTheField(
        string method,
        string path,
        string body,
        string field)
    {
        var tenant = await api.NewTenantAsync();
        var json = body.Replace("%CRLF%", Escaped, StringComparison.Ordinal);

        var response = await tenant.Http.SendRawAsync(new HttpMethod(method), path, json);

        await response.ValidationProblemAsync(field);
    }

    [Fact]
    public async Task LineSeparatorsInNames_ReachTheEmailAsOneHeaderLine_AndAddNoHeader()
    {
        var tenant = await api.NewTenantAsync();
        var customerId = TestIds.New("c");
        var customer = new
        {
            name = "Acme\u2028Bcc: victim@evil.example",
            contacts = new[] { new { email = "ap@acme.example", name = "AP\u2029X-Injected: yes" } },
        };
        await tenant.PutCustomerAsync(customerId, customer);
        await (await tenant.Http.PutJsonAsync($"/v1/customers/{customerId}/invoices/i-1", Bodies.Invoice()))
            .JsonAsync(HttpStatusCode.Created);
        var template = Bodies.Template(subject: "Invoices for {{ customer.name }}\u2028X-Subject-Injected: yes");
        await (await tenant.Http.PutJsonAsync("/v1/templates/names", template)).JsonAsync(HttpStatusCode.Created);

        var sent = await (await tenant.Http.PostAsJsonAsync(
            $"/v1/customers/{customerId}/reminders/send",
            new { templateId = "names" })).JsonAsync(HttpStatusCode.Accepted);
        await tenant.WaitForActivityAsync(customerId, "sent");

        var file = Path.Combine(api.Host.Outbox, sent.Text("messageId") + ".eml");
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Invoices for Acme Bcc: victim@evil.example X-Subject-Injected: yes", message.Subject);
        Assert.Equal("AP X-Injected: yes", message.To.Mailboxes.Single().Name);
        Assert.Empty(message.Bcc);
        var fields = message.Headers.Select(h => h.Field).Order(StringComparer.OrdinalIgnoreCase);
        string[] expected = ["Date", "From", "Message-Id", "MIME-Version", "Subject", "To"];
        Assert.Equal(expected, fields, StringComparer.OrdinalIgnoreCase);
    }
}
