using System.Net;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Reminders;

/// <summary><c>POST /v1/reminders/batch</c> over HTTP: one email per customer, each reported on its own.</summary>
[Collection(ManualReminderCollection.Name)]
public sealed class ManualBatchTests(ManualReminderFixture fixture)
{
    [Fact]
    public async Task ABatchOfNCustomers_NEmails_EachToItsOwnCustomerWithItsOwnMessage()
    {
        var world = await fixture.NewWorldAsync();
        var customers = new List<TestCustomer>();
        for (var i = 0; i < 5; i++)
        {
            customers.Add(await world.CustomerAsync(100m + i, 1000m + i));
        }

        var response = await world.BatchAsync(new
        {
            items = customers.Select((c, i) => new
            {
                customerId = c.Id,
                invoiceIds = i % 2 == 0 ? new[] { "INV-2" } : null,
                subject = $"Subject for {c.Id}",
                message = $"Message for {c.Id}",
            }),
        });

        var results = Results(await response.JsonAsync(HttpStatusCode.OK));
        Assert.Equal(customers.Select(c => c.Id), results.Select(r => r.Text("customerId")));
        Assert.All(results, r => Assert.Equal("accepted", r.Text("status")));
        for (var i = 0; i < customers.Count; i++)
        {
            var customer = customers[i];
            var email = Assert.Single(await world.WaitForEmailsAsync(customer.Email, 1)).Message;
            Assert.Equal([customer.Email], email.To.Mailboxes.Select(m => m.Address));
            Assert.Equal($"Subject for {customer.Id}", email.Subject);
            Assert.Contains($"Message for {customer.Id}", email.TextBody, StringComparison.Ordinal);
            Assert.Equal(results[i].Text("messageId"), email.MessageId);
            var listed = i % 2 == 0 ? new[] { "INV-2" } : ["INV-1", "INV-2"];
            Assert.Equal(listed, Strings(results[i].GetProperty("invoiceIds")));
            Assert.Equal(i % 2 != 0, email.HtmlBody!.Contains("INV-1", StringComparison.Ordinal));
        }

        await Task.WhenAll(customers.Select(c => world.DeliveredAsync(c.Id)));
        Assert.All(customers, c => Assert.Single(world.EmailsTo(c.Email)));
    }

    [Fact]
    public async Task OneCustomersProblem_IsReportedInItsResult_AndNeverStopsTheOthers()
    {
        var world = await fixture.NewWorldAsync();
        var intruder = await fixture.NewWorldAsync();
        var first = await world.CustomerAsync(100m);
        var noAddress = await world.CustomerAsync(100m);
        await world.Http.PutJsonAsync($"/v1/customers/{noAddress.Id}", new { name = "No contacts" });
        var nothingOpen = await world.CustomerAsync();
        var paidInvoice = await world.CustomerAsync(100m, 200m);
        await world.PayAsync(paidInvoice.Id, "INV-2", 200m);
        var anotherTenants = await intruder.CustomerAsync(100m);
        var last = await world.CustomerAsync(300m);

        var response = await world.BatchAsync(new
        {
            items = new object[]
            {
                new { customerId = first.Id },
                new { customerId = noAddress.Id },
                new { customerId = "c-nobody" },
                new { customerId = nothingOpen.Id },
                new { customerId = paidInvoice.Id, invoiceIds = new[] { "INV-1", "INV-2" } },
                new { customerId = anotherTenants.Id },
                new { customerId = last.Id },
            },
        });

        var results = Results(await response.JsonAsync(HttpStatusCode.OK));
        Assert.Equal(
            ["accepted", "rejected", "not_found", "rejected", "rejected", "not_found", "accepted"],
            results.Select(r => r.Text("status")));
        Assert.Contains("No contact address", results[1].Text("error"), StringComparison.Ordinal);
        Assert.Contains("no open invoice", results[3].Text("error"), StringComparison.Ordinal);
        Assert.Contains("is paid", results[4].Text("error"), StringComparison.Ordinal);
        Assert.Equal("items[4].invoiceIds[1]", results[4].Text("field"));
        Assert.Equal(Describe(results[2]), Describe(results[5]));
        Assert.All(
            results.Where(r => r.Text("status") != "accepted"),
            r => Assert.Equal(JsonValueKind.Null, r.GetProperty("messageId").ValueKind));
        await world.WaitForEmailsAsync(first.Email, 1);
        await world.WaitForEmailsAsync(last.Email, 1);
        await world.AssertNothingSentAsync(noAddress);
        await world.AssertNothingSentAsync(paidInvoice);
        await intruder.AssertNothingSentAsync(anotherTenants);
    }

    [Fact]
    public async Task ARepeatedBatchWithTheSameKey_AnswersTheSame_AndSendsNothingMore()
    {
        var world = await fixture.NewWorldAsync();
        var first = await world.CustomerAsync(100m);
        var second = await world.CustomerAsync(200m);
        var body = new { items = new[] { new { customerId = first.Id }, new { customerId = second.Id } } };
        var key = Guid.NewGuid().ToString();

        var original = await (await world.BatchAsync(body, key)).JsonAsync(HttpStatusCode.OK);
        await world.WaitForEmailsAsync(first.Email, 1);
        await world.WaitForEmailsAsync(second.Email, 1);
        var repeated = await (await world.BatchAsync(body, key)).JsonAsync(HttpStatusCode.OK);
        var reordered = await world.BatchAsync(new { items = body.items.Reverse() }, key);
        var singleSend = await world.SendAsync(first.Id, new { }, key);

        Assert.Equal(original.ToString(), repeated.ToString());
        await reordered.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await singleSend.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        await world.DeliveredAsync(first.Id);
        await world.DeliveredAsync(second.Id);
        Assert.Single(world.EmailsTo(first.Email));
        Assert.Single(world.EmailsTo(second.Email));
    }

    [Fact]
    public async Task WithoutAKey_EachBatchSendsAgain()
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);
        var body = new { items = new[] { new { customerId = customer.Id } } };

        var first = Results(await (await world.BatchAsync(body)).JsonAsync(HttpStatusCode.OK));
        var second = Results(await (await world.BatchAsync(body)).JsonAsync(HttpStatusCode.OK));

        Assert.NotEqual(first[0].Text("messageId"), second[0].Text("messageId"));
        Assert.Equal(2, (await world.WaitForEmailsAsync(customer.Email, 2)).Count);
    }

    [Theory]
    [InlineData("""{}""", "items")]
    [InlineData("""{"items": []}""", "items")]
    [InlineData("""{"items": [null]}""", "items[0]")]
    [InlineData("""{"items": [{}]}""", "items[0].customerId")]
    [InlineData("""{"items": [{"customerId": "bad id"}]}""", "items[0].customerId")]
    [InlineData("""{"items": [{"customerId": "{c}"}, {"customerId": "{c}"}]}""", "items[1].customerId")]
    [InlineData("""{"items": [{"customerId": "{c}", "invoiceIds": ["INV-1", "INV-1"]}]}""", "items[0].invoiceIds[1]")]
    [InlineData("""{"items": [{"customerId": "{c}", "invoiceIds": []}]}""", "items[0].invoiceIds")]
    [InlineData("""{"items": [{"customerId": "{c}", "subject": "a\nb"}]}""", "items[0].subject")]
    [InlineData("""{"items": [{"customerId": "{c}"}], "templateId": "bad id"}""", "templateId")]
    [InlineData("""{"items": [{"customerId": "{c}"}], "templateId": "no-such"}""", "templateId")]
    public async Task InvalidBatches_Are400NamingTheItem_AndNothingIsSent(string body, string field)
    {
        var world = await fixture.NewWorldAsync();
        var customer = await world.CustomerAsync(100m);

        var response = await world.BatchAsync(body.Replace("{c}", customer.Id, StringComparison.Ordinal));

        await response.ValidationProblemAsync(field);
        await world.AssertNothingSentAsync(customer);
    }

    [Fact]
    public async Task MoreThanAThousandItems_Is400()
    {
        var world = await fixture.NewWorldAsync();

        var items = Enumerable.Range(0, 1001).Select(i => new { customerId = $"c-{i}" });

        var response = await world.BatchAsync(new { items });

        await response.ValidationProblemAsync("items");
    }

    [Fact]
    public async Task ABatchBodyOver16MiB_Is413NamingTheLimit()
    {
        var world = await fixture.NewWorldAsync();
        var huge = $$"""{"items": [{"customerId": "c-1", "message": "{{new string('x', 16 * 1024 * 1024)}}"}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/reminders/batch")
        {
            Content = new StringContent(huge, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;

        var response = await world.Http.SendAsync(request);

        var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("16 MiB", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatchOfAThousandCustomers_WithLongMessages_SendsAThousandEmails()
    {
        var world = await fixture.NewWorldAsync();
        var prefix = TestIds.New("big");
        var lines = Enumerable.Range(0, 1000).SelectMany(i => new[]
        {
            JsonSerializer.Serialize(new { type = "customer", id = $"{prefix}-{i}", name = $"Customer {i}",
                contacts = new[] { new { email = $"{prefix}-{i}@globex.example" } } }),
            JsonSerializer.Serialize(new { type = "invoice", customerId = $"{prefix}-{i}", id = "INV-1",
                issueDate = "2026-10-01", dueDate = "2026-10-31", currency = "EUR", amount = 10m + i }),
        });
        var import = await world.Http.PostAsync("/v1/import",
            new StringContent(string.Join('\n', lines), System.Text.Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(2000, (await import.JsonAsync(HttpStatusCode.OK)).GetProperty("accepted").GetInt32());

        var response = await world.BatchAsync(new
        {
            items = Enumerable.Range(0, 1000).Select(i => new
            {
                customerId = $"{prefix}-{i}",
                message = $"Dear customer {i}. " + new string('x', 2000),
            }),
        });

        var results = Results(await response.JsonAsync(HttpStatusCode.OK));
        Assert.Equal(1000, results.Count(r => r.Text("status") == "accepted"));
        for (var i = 0; i < 1000; i += 111)
        {
            var email = Assert.Single(await world.WaitForEmailsAsync($"{prefix}-{i}@globex.example", 1)).Message;
            Assert.Contains($"Dear customer {i}. xxx", email.TextBody, StringComparison.Ordinal);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Arrived(prefix) < 1000)
        {
            Assert.True(DateTime.UtcNow < deadline, "Not all 1,000 emails arrived.");
            await Task.Delay(100);
        }
    }

    private int Arrived(string recipientPrefix) =>
        fixture.Smtp.Messages.Count(m => m.EnvelopeRecipients[0].StartsWith(recipientPrefix, StringComparison.Ordinal));

    private static List<JsonElement> Results(JsonElement answer) =>
        answer.GetProperty("results").EnumerateArray().ToList();

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());

    /// <summary>A result without the customer id, to compare how two customers were answered.</summary>
    private static string Describe(JsonElement result) =>
        string.Join(
            ";",
            result.EnumerateObject().Where(p => p.Name != "customerId").Select(p => $"{p.Name}={p.Value}"));
}
