using System.Net;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Reminders;

/// <summary><c>POST /v1/customers/{id}/reminders/send</c> over HTTP, down to what an SMTP server receives.</summary>
[Collection(ManualReminderCollection.Name)]
public sealed class ManualSendTests(ManualReminderFixture fixture)
{
    [Fact]
    public async Task TwoOfThreeOpenInvoices_OneEmailListingExactlyThoseTwo()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m, 200m, 300m);

        var response = await world.SendAsync(customer.Id, new { invoiceIds = new[] { "INV-1", "INV-3" } });

        var accepted = await response.JsonAsync(HttpStatusCode.Accepted);
        Assert.Null(response.Headers.Location);
        Assert.Equal(["INV-1", "INV-3"], ManualWorld.Strings(accepted, "invoiceIds"));
        var email = Assert.Single(await world.WaitForEmailsAsync(customer.Email, 1)).Message;
        await world.DeliveredAsync(customer.Id);
        Assert.Single(world.EmailsTo(customer.Email));
        Assert.Equal(accepted.Text("messageId"), email.MessageId);
        Assert.Equal([customer.Email], email.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("INV-1", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("INV-3", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("INV-2", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("400.00 EUR", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoInvoicesNamed_ListsEveryOpenOne_WithTheTotalPerCurrency()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m, 250.50m);
        var usd = Bodies.Invoice(40m, "USD");
        await (await world.Http.PutJsonAsync($"/v1/customers/{customer.Id}/invoices/INV-USD", usd))
            .JsonAsync(HttpStatusCode.Created);
        await world.PayAsync(customer.Id, "INV-1", 30m);

        var accepted = await (await world.SendAsync(customer.Id, new { })).JsonAsync(HttpStatusCode.Accepted);

        Assert.Equal(
            ["INV-1", "INV-2", "INV-USD"],
            ManualWorld.Strings(accepted, "invoiceIds").Order(StringComparer.Ordinal));
        var email = (await world.WaitForEmailsAsync(customer.Email, 1))[0].Message;
        Assert.Contains("70.00 EUR", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("320.50 EUR", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("40.00 USD", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATypedSubjectAndMessage_AreWhatTheCustomerReads()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);

        await (await world.SendAsync(customer.Id, new
        {
            subject = "  Your open invoice, {{ tenant.name }}  ",
            message = "Please pay <b>before</b> Christmas.\nThank you!",
        })).JsonAsync(HttpStatusCode.Accepted);

        var email = (await world.WaitForEmailsAsync(customer.Email, 1))[0].Message;
        Assert.Equal("Your open invoice, {{ tenant.name }}", email.Subject);
        Assert.Contains("pay &lt;b&gt;before&lt;/b&gt; Christmas.<br />", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(
            "Please pay <b>before</b> Christmas.\nThank you!",
            email.TextBody!.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATemplateNamed_WritesTheEmail()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);
        await (await world.Http.PutJsonAsync("/v1/templates/firm", Bodies.Template(
            "Firm", "Overdue: {{ totals[0].amount_due }} {{ totals[0].currency }}", "<p>{{ message }}</p>")))
            .JsonAsync(HttpStatusCode.Created);

        await (await world.SendAsync(customer.Id, new { templateId = "firm", message = "Final notice." }))
            .JsonAsync(HttpStatusCode.Accepted);

        var email = (await world.WaitForEmailsAsync(customer.Email, 1))[0].Message;
        Assert.Equal("Overdue: 100.00 EUR", email.Subject);
        Assert.Contains("<p>Final notice.</p>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASend_IsInTheActivityLog_AsManual()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m, 200m);

        var body = new { invoiceIds = new[] { "INV-2" }, subject = "Invoice 2" };
        var accepted = await (await world.SendAsync(customer.Id, body)).JsonAsync(HttpStatusCode.Accepted);

        var entry = Assert.Single(await world.SentAsync(customer.Id, 1));
        Assert.Equal("manual", entry.Text("source"));
        Assert.Equal(["INV-2"], ManualWorld.Strings(entry, "invoiceIds"));
        Assert.Equal("Invoice 2", entry.Text("subject"));
        Assert.Equal([customer.Email], ManualWorld.Strings(entry, "to"));
        Assert.Equal(accepted.Text("messageId"), entry.Text("messageId"));
    }

    [Fact]
    public async Task ARepeatedRequestWithTheSameKey_AnswersTheSame_AndSendsNothingMore()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m, 200m);
        var key = Guid.NewGuid().ToString();
        var body = new { invoiceIds = new[] { "INV-1" }, message = "Thank you." };

        var first = await (await world.SendAsync(customer.Id, body, key)).JsonAsync(HttpStatusCode.Accepted);
        await world.WaitForEmailsAsync(customer.Email, 1);
        await world.DeliveredAsync(customer.Id);
        var again = await (await world.SendAsync(customer.Id, body, key)).JsonAsync(HttpStatusCode.Accepted);
        await world.DeliveredAsync(customer.Id);

        Assert.Equal(first.ToString(), again.ToString());
        Assert.Single(world.EmailsTo(customer.Email));
        Assert.Single(await world.SentAsync(customer.Id, 1));
    }

    [Fact]
    public async Task TheSameKeyWithADifferentBodyOrCustomer_Is422_AndSendsNothing()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m, 200m);
        var other = await world.CustomerAsync(300m);
        var key = Guid.NewGuid().ToString();
        var first = new { invoiceIds = new[] { "INV-1" } };
        await (await world.SendAsync(customer.Id, first, key)).JsonAsync(HttpStatusCode.Accepted);
        await world.WaitForEmailsAsync(customer.Email, 1);

        var otherInvoice = await world.SendAsync(customer.Id, new { invoiceIds = new[] { "INV-2" } }, key);
        var otherMessage = await world.SendAsync(customer.Id, new { first.invoiceIds, message = "Hi" }, key);
        var otherCustomer = await world.SendAsync(other.Id, new { }, key);

        var problem = await otherInvoice.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem.Text("detail"), StringComparison.Ordinal);
        await otherMessage.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await otherCustomer.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await world.DeliveredAsync(customer.Id);
        Assert.Single(world.EmailsTo(customer.Email));
        await world.AssertNothingSentAsync(other);
    }

    [Fact]
    public async Task TheSameBodyWithoutAKey_SendsEachTime()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);

        var first = await (await world.SendAsync(customer.Id, new { })).JsonAsync(HttpStatusCode.Accepted);
        var second = await (await world.SendAsync(customer.Id, new { })).JsonAsync(HttpStatusCode.Accepted);

        Assert.NotEqual(first.Text("messageId"), second.Text("messageId"));
        Assert.Equal(2, (await world.WaitForEmailsAsync(customer.Email, 2)).Count);
    }

    [Fact]
    public async Task PaidVoidHeldUnknownOrAnotherCustomersInvoices_Are400NamingTheInvoice_AndNothingIsSent()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m, 200m, 300m, 400m);
        var other = await world.CustomerAsync(500m, 600m, 700m, 800m, 900m);
        await world.PayAsync(customer.Id, "INV-2", 200m);
        await world.Http.PostAsync($"/v1/customers/{customer.Id}/invoices/INV-3/void", null);
        await world.Http.PutJsonAsync($"/v1/customers/{customer.Id}/invoices/INV-4/hold", new { reason = "dispute" });

        var paid = await world.SendAsync(customer.Id, new { invoiceIds = new[] { "INV-1", "INV-2" } });
        var voided = await world.SendAsync(customer.Id, new { invoiceIds = new[] { "INV-3" } });
        var held = await world.SendAsync(customer.Id, new { invoiceIds = new[] { "INV-4" } });
        var othersInvoice = await world.SendAsync(customer.Id, new { invoiceIds = new[] { "INV-1", "INV-5" } });

        Assert.Contains("is paid", await ErrorAsync(paid, "invoiceIds[1]"), StringComparison.Ordinal);
        Assert.Contains("is void", await ErrorAsync(voided, "invoiceIds[0]"), StringComparison.Ordinal);
        Assert.Contains("on hold", await ErrorAsync(held, "invoiceIds[0]"), StringComparison.Ordinal);
        Assert.Contains("'INV-5'", await ErrorAsync(othersInvoice, "invoiceIds[1]"), StringComparison.Ordinal);
        await world.AssertNothingSentAsync(customer);
        await world.AssertNothingSentAsync(other);
    }

    [Fact]
    public async Task NothingOpen_NoAddress_Is409_AndAnUnknownCustomerOrTemplateAnswersLikeTheRest()
    {
        var world = await fixture.NewWorldAsync();
        var nothingOwed = await world.CustomerAsync();
        var noAddress = await world.CustomerAsync(100m);
        await world.Http.PutJsonAsync($"/v1/customers/{noAddress.Id}", new { name = "No contacts" });

        var nothingOpen = await world.SendAsync(nothingOwed.Id, new { });
        var nowhereToSend = await world.SendAsync(noAddress.Id, new { });
        var unknownCustomer = await world.SendAsync("c-nobody", new { });
        var unknownTemplate = await world.SendAsync(noAddress.Id, new { templateId = "no-such" });

        var conflict = HttpStatusCode.Conflict;
        Assert.Contains("no open invoice", await DetailAsync(nothingOpen, conflict), StringComparison.Ordinal);
        Assert.Contains("No contact", await DetailAsync(nowhereToSend, conflict), StringComparison.Ordinal);
        Assert.Equal("There is no such customer.", await DetailAsync(unknownCustomer, HttpStatusCode.NotFound));
        await unknownTemplate.ValidationProblemAsync("templateId");
        await world.AssertNothingSentAsync(nothingOwed);
        await world.AssertNothingSentAsync(noAddress);
    }

    [Theory]
    [InlineData("""{"invoiceIds": []}""", "invoiceIds")]
    [InlineData("""{"invoiceIds": ["INV-1", "INV-1"]}""", "invoiceIds[1]")]
    [InlineData("""{"invoiceIds": ["bad id"]}""", "invoiceIds[0]")]
    [InlineData("""{"invoiceIds": [null]}""", "invoiceIds[0]")]
    [InlineData("""{"invoiceIds": "INV-1"}""", "invoiceIds")]
    [InlineData("""{"templateId": "no/such"}""", "templateId")]
    [InlineData("""{"subject": ""}""", "subject")]
    [InlineData("""{"subject": "   "}""", "subject")]
    [InlineData("""{"subject": "Hello\r\nBcc: victim@evil.example"}""", "subject")]
    [InlineData("""{"message": "Hello\u0000"}""", "message")]
    [InlineData("""{"message": 42}""", "message")]
    public async Task InvalidBodies_Are400NamingTheField_AndNothingIsSent(string body, string field)
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);

        var response = await world.SendAsync(customer.Id, body);

        await response.ValidationProblemAsync(field);
        await world.AssertNothingSentAsync(customer);
    }

    [Fact]
    public async Task TooManyInvoicesOrTooLongTexts_Are400()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);

        var invoiceIds = Enumerable.Range(0, 501).Select(i => $"I-{i}");
        var invoices = await world.SendAsync(customer.Id, new { invoiceIds });
        var subject = await world.SendAsync(customer.Id, new { subject = new string('s', 1001) });
        var message = await world.SendAsync(customer.Id, new { message = new string('m', 10_001) });
        var longestAllowed = await world.SendAsync(customer.Id, new
        {
            subject = new string('s', 1000),
            message = string.Join("\r\n", Enumerable.Repeat(new string('m', 98), 100)),
        });

        await invoices.ValidationProblemAsync("invoiceIds");
        await subject.ValidationProblemAsync("subject");
        await message.ValidationProblemAsync("message");
        await longestAllowed.JsonAsync(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("/v1/customers/bad%20id/reminders/send", "customerId")]
    [InlineData("/v1/customers/0123456789012345678901234567890123456789012345678901234567890123456789/reminders/send",
        "customerId")]
    public async Task BadCustomerIds_Are400(string path, string field)
    {
        var world = await fixture.NewWorldAsync();

        var response = await world.PostAsync(path, new { }, null);

        await response.ValidationProblemAsync(field);
    }

    [Theory]
    [InlineData("/v1/customers/{c}/reminders/send")]
    [InlineData("/v1/reminders/batch")]
    [InlineData("/v1/reminders/preview")]
    public async Task MalformedJsonOrAnotherContentType_IsRefusedOnEveryManualRoute(string route)
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);
        var path = route.Replace("{c}", customer.Id, StringComparison.Ordinal);

        var truncated = await world.Http.SendRawAsync(HttpMethod.Post, path, """{"invoiceIds": ["INV-1",""");
        var empty = await world.Http.SendRawAsync(HttpMethod.Post, path, "");
        var text = await world.Http.SendRawAsync(HttpMethod.Post, path, "{}", "text/plain");

        var errors = await truncated.ValidationProblemAsync();
        Assert.Contains("not valid JSON", errors.ToString(), StringComparison.Ordinal);
        await empty.ProblemAsync(HttpStatusCode.BadRequest);
        await text.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await world.AssertNothingSentAsync(customer);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    public async Task InvalidIdempotencyKeys_Are400_AndNothingIsSent(string key)
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);

        var response = await world.SendAsync(customer.Id, new { }, key);

        await response.ValidationProblemAsync("Idempotency-Key");
        await world.AssertNothingSentAsync(customer);
    }

    [Fact]
    public async Task AnOverlongIdempotencyKey_Is400_AndTheLongestAllowedIsAccepted()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);

        var overlong = await world.SendAsync(customer.Id, new { }, new string('k', 256));
        var longest = await world.SendAsync(customer.Id, new { }, "~ !" + new string('k', 252));

        await overlong.ValidationProblemAsync("Idempotency-Key");
        await longest.JsonAsync(HttpStatusCode.Accepted);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field) =>
        (await response.ValidationProblemAsync(field)).GetProperty(field)[0].GetString()!;

    private static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await response.ProblemAsync(status)).Text("detail");
}
