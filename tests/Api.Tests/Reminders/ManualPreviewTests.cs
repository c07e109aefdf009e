using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Reminders;

/// <summary><c>POST /v1/reminders/preview</c>: the exact email a manual send would deliver, and nothing sent.</summary>
[Collection(ManualReminderCollection.Name)]
public sealed class ManualPreviewTests(ManualReminderFixture fixture)
{
    [Fact]
    public async Task APreview_SendsNothing_AndMatchesWhatASendThenDelivers()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m, 200m, 300m);
        var body = new
        {
            invoiceIds = new[] { "INV-3", "INV-1" },
            subject = "Two invoices",
            message = "Ümlauts & <tags>.",
        };

        var preview = await (await world.PreviewAsync(WithCustomer(body, customer.Id))).JsonAsync(HttpStatusCode.OK);
        await world.AssertNothingSentAsync(customer);
        await (await world.SendAsync(customer.Id, body)).JsonAsync(HttpStatusCode.Accepted);

        var email = Assert.Single(await world.WaitForEmailsAsync(customer.Email, 1)).Message;
        Assert.Equal(email.Subject, preview.Text("subject"));
        Assert.Equal(email.HtmlBody, preview.Text("html"));
        Assert.Equal(email.TextBody!.ReplaceLineEndings(), preview.Text("text").ReplaceLineEndings());
        var to = Assert.Single(preview.GetProperty("to").EnumerateArray());
        Assert.Equal((customer.Email, "Accounts Payable"), (to.Text("email"), to.Text("name")));
        Assert.Equal(email.To.Mailboxes.Select(m => (m.Address, m.Name)), [(to.Text("email"), to.Text("name"))]);
        Assert.Equal(email.From.Mailboxes.Single().Address, preview.GetProperty("from").Text("email"));
    }

    [Fact]
    public async Task APreviewWithNothingChosen_ShowsEveryOpenInvoiceWithTheDefaultTemplate()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(120m, 80.25m);

        var preview = await (await world.PreviewAsync(new { customerId = customer.Id })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Payment reminder from Acme Billing", preview.Text("subject"));
        Assert.Contains("200.25 EUR", preview.Text("html"), StringComparison.Ordinal);
        Assert.Contains("INV-1", preview.Text("text"), StringComparison.Ordinal);
        Assert.Contains("INV-2", preview.Text("text"), StringComparison.Ordinal);
        Assert.Equal("billing@acme.example", preview.GetProperty("from").Text("email"));
        await world.AssertNothingSentAsync(customer);
    }

    [Theory]
    [InlineData("""{"invoiceIds": ["INV-2"]}""")]
    [InlineData("""{"invoiceIds": ["INV-9"]}""")]
    [InlineData("""{"invoiceIds": ["INV-1", "INV-1"]}""")]
    [InlineData("""{"invoiceIds": []}""")]
    [InlineData("""{"templateId": "no-such"}""")]
    [InlineData("""{"subject": "a\r\nb"}""")]
    [InlineData("""{"message": 7}""")]
    public async Task APreview_IsRefusedExactlyAsTheSendWouldBe_AndSendsNothing(string body)
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m, 200m);
        await world.Http.PostAsync($"/v1/customers/{customer.Id}/invoices/INV-2/void", null);

        var preview = await world.PreviewAsync(WithCustomer(body, customer.Id));
        var send = await world.SendAsync(customer.Id, body);

        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Equal(await Describe(send), await Describe(preview));
        await world.AssertNothingSentAsync(customer);
    }

    [Fact]
    public async Task UnknownCustomersAndNothingToRemindOf_AnswerLikeASend()
    {
        var world = await fixture.NewWorldAsync();
        var nothingOwed = await world.CustomerAsync();

        var unknown = await world.PreviewAsync(new { customerId = "c-nobody" });
        var nothingOpen = await world.PreviewAsync(new { customerId = nothingOwed.Id });

        Assert.Equal(await Describe(await world.SendAsync("c-nobody", new { })), await Describe(unknown));
        Assert.Equal(await Describe(await world.SendAsync(nothingOwed.Id, new { })), await Describe(nothingOpen));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, nothingOpen.StatusCode);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"customerId": null}""")]
    [InlineData("""{"customerId": "bad id"}""")]
    [InlineData("""{"customerId": 12}""")]
    public async Task AMissingOrInvalidCustomerId_Is400(string body)
    {
        var world = await fixture.NewWorldAsync();

        var response = await world.PreviewAsync(body);

        await response.ValidationProblemAsync("customerId");
    }

    private static string WithCustomer(object body, string customerId)
    {
        var json = body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
        var node = JsonNode.Parse(json)!.AsObject();
        node["customerId"] = customerId;
        return node.ToJsonString();
    }

    /// <summary>Status and body of an answer without what differs per request.</summary>
    private static async Task<string> Describe(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var fields = json.RootElement.EnumerateObject()
            .Where(p => p.Name != "traceId")
            .Select(p => $"{p.Name}={p.Value}");
        return $"{(int)response.StatusCode} {string.Join(";", fields)}";
    }
}
