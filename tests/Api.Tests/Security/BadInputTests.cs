using System.Net;
using System.Net.Http.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Security;

/// <summary>Each class of bad input gets the right status and a ProblemDetails body, and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiFixture api)
{
    private const string Customer = "/v1/customers/c-1";
    private const string Invoice = "/v1/customers/c-1/invoices/i-1";

    [Theory]
    [InlineData("{\"name\": \"Globex\",")]
    [InlineData("{\"name\": \"Globex\" \"tags\": []}")]
    [InlineData("not json at all")]
    [InlineData("{\"name\": 'single quotes'}")]
    public async Task MalformedOrTruncatedJson_Is400(string body)
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.SendRawAsync(HttpMethod.Put, Customer, body);

        var errors = await response.ValidationProblemAsync();
        Assert.Contains("not valid JSON", errors.ToString());
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task EmptyBody_Is400()
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.SendRawAsync(HttpMethod.Put, Customer, "");

        await response.ProblemAsync(HttpStatusCode.BadRequest);
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("""{"name": 42}""", "name", "a string")]
    [InlineData("""{"name": "G", "tags": "wholesale"}""", "tags", "an array")]
    [InlineData("""{"name": "G", "contacts": [{"email": true}]}""", "contacts[0].email", "a string")]
    [InlineData("""{"name": "G", "paymentMethod": "cash"}""", "paymentMethod", "'direct_debit'")]
    [InlineData("""{"name": "G", "paymentMethod": 2}""", "paymentMethod", "'bank_transfer'")]
    public async Task WrongTypes_NameTheFieldAndWhatItExpects(string body, string field, string expected)
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.SendRawAsync(HttpMethod.Put, Customer, body);

        var errors = await response.ValidationProblemAsync(field);
        Assert.Contains(expected, errors.GetProperty(field)[0].GetString());
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("""{"issueDate": "2026-10-01", "dueDate": "2026-10-31", "currency": "EUR", "amount": "12.00"}""", "amount")]
    [InlineData("""{"issueDate": "01/10/2026", "dueDate": "2026-10-31", "currency": "EUR", "amount": 12}""", "issueDate")]
    [InlineData("""{"issueDate": "2026-02-30", "dueDate": "2026-10-31", "currency": "EUR", "amount": 12}""", "issueDate")]
    [InlineData("""{"issueDate": "2026-10-01", "dueDate": "2026-10-31", "currency": "EUR", "amount": 1e400}""", "amount")]
    [InlineData("""{"issueDate": "2026-10-01", "dueDate": "2026-10-31", "currency": 978, "amount": 12}""", "currency")]
    public async Task WrongInvoiceTypes_AreRefused(string body, string field)
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.SendRawAsync(HttpMethod.Put, Invoice, body);

        await response.ValidationProblemAsync(field);
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task MissingAndNullFields_AreEachNamed()
    {
        var tenant = await SeededTenantAsync();

        var missing = await tenant.Http.SendRawAsync(HttpMethod.Put, Invoice, "{}");
        var nulls = await tenant.Http.SendRawAsync(HttpMethod.Put, Invoice,
            """{"issueDate": null, "dueDate": null, "currency": null, "amount": null}""");
        var customer = await tenant.Http.SendRawAsync(HttpMethod.Put, Customer, """{"contacts": [null], "tags": [null]}""");

        await missing.ValidationProblemAsync("issueDate", "dueDate", "currency", "amount");
        await nulls.ValidationProblemAsync("issueDate", "dueDate", "currency", "amount");
        await customer.ValidationProblemAsync("name", "contacts[0]", "tags[0]");
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("/v1/customers/has%20space")]
    [InlineData("/v1/customers/semi;colon")]
    [InlineData("/v1/customers/%C3%BCmlaut")]
    [InlineData("/v1/customers/quote'")]
    [InlineData("/v1/customers/0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task IdsOutsideTheAllowedCharacters_Are400(string path)
    {
        var tenant = await SeededTenantAsync();

        var put = await tenant.Http.PutJsonAsync(path, Bodies.Customer());
        var get = await tenant.Http.GetAsync(path);
        var invoice = await tenant.Http.PutJsonAsync(path + "/invoices/i-1", Bodies.Invoice());
        var badInvoiceId = await tenant.Http.GetAsync(Customer + "/invoices/bad%20id");

        await put.ValidationProblemAsync("customerId");
        await get.ValidationProblemAsync("customerId");
        await invoice.ValidationProblemAsync("customerId");
        await badInvoiceId.ValidationProblemAsync("invoiceId");
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("EUX")]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public async Task UnknownCurrencyCodes_Are400(string currency)
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.PutJsonAsync(Invoice, Bodies.Invoice(currency: currency));

        await response.ValidationProblemAsync("currency");
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(2_000_000_000_000)]
    public async Task NonPositiveOrHugeAmounts_Are400(decimal amount)
    {
        var tenant = await SeededTenantAsync();

        var invoice = await tenant.Http.PutJsonAsync(Invoice, Bodies.Invoice(amount));
        var payment = await tenant.Http.PostAsJsonAsync(Invoice + "/payments", Bodies.Payment(amount));

        await invoice.ValidationProblemAsync("amount");
        await payment.ValidationProblemAsync("amount");
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task DueDateBeforeIssueDate_Is400()
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.PutJsonAsync(Invoice, Bodies.Invoice(issueDate: "2026-11-01", dueDate: "2026-10-31"));

        var errors = await response.ValidationProblemAsync("dueDate");
        Assert.Equal("The due date must not be before the issue date.", errors.GetProperty("dueDate")[0].GetString());
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("2200-01-01")]
    [InlineData("0001-01-01")]
    public async Task DatesOutOfRange_Are400(string date)
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.PutJsonAsync(Invoice, Bodies.Invoice(issueDate: date, dueDate: "2026-10-31"));

        await response.ValidationProblemAsync("issueDate");
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task PaymentLargerThanTheAmountDue_Is400()
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync(Invoice + "/payments", Bodies.Payment(1000.01m));

        await response.ValidationProblemAsync("amount");
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("two@@at.example")]
    [InlineData("spaces in@globex.example")]
    [InlineData("no-domain@")]
    [InlineData("Name <ap@globex.example>")]
    [InlineData("ap@globex.example\r\nBcc: victim@evil.example")]
    [InlineData("ap@localhost")]
    public async Task InvalidEmails_Are400(string email)
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.PutJsonAsync(Customer, Bodies.Customer(email: email));

        await response.ValidationProblemAsync("contacts[0].email");
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("CET+1")]
    [InlineData("europe/berlin ")]
    public async Task InvalidTimeZones_Are400(string timeZone)
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.PutJsonAsync(Customer, new { name = "Globex", timeZone });

        await response.ValidationProblemAsync("timeZone");
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task ControlCharactersAndOverlongText_Are400()
    {
        var tenant = await SeededTenantAsync();

        var lineBreak = await tenant.Http.PutJsonAsync(Customer, new { name = "Globex\r\nBcc: x@evil.example" });
        var overlong = await tenant.Http.PutJsonAsync(Customer, new { name = new string('x', 201) });
        var tooManyTags = await tenant.Http.PutJsonAsync(Customer,
            new { name = "Globex", tags = Enumerable.Range(0, 51).Select(i => $"t{i}") });

        await lineBreak.ValidationProblemAsync("name");
        await overlong.ValidationProblemAsync("name");
        await tooManyTags.ValidationProblemAsync("tags");
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task UnusualUnicodeNames_AreKeptExactly()
    {
        var tenant = await SeededTenantAsync();
        const string name = "Müller & Söhne – 株式会社 🚀 'O''Brien'; DROP TABLE customers;--";

        var response = await tenant.Http.PutJsonAsync("/v1/customers/c-unicode", new { name });

        Assert.Equal(name, (await response.JsonAsync(HttpStatusCode.Created)).Text("name"));
    }

    [Fact]
    public async Task BodiesOverOneMebibyte_Are413()
    {
        var tenant = await SeededTenantAsync();
        var huge = $$"""{"name": "{{new string('x', 1024 * 1024)}}"}""";

        // As a well-behaved client of large bodies does: wait for the server's go-ahead before
        // uploading, so that the early 413 is read instead of racing the upload into a broken pipe.
        using var request = new HttpRequestMessage(HttpMethod.Put, Customer)
        {
            Content = new StringContent(huge, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        var response = await tenant.Http.SendAsync(request);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task WrongContentTypes_Are415(string contentType)
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.SendRawAsync(HttpMethod.Put, Customer, """{"name":"Globex"}""", contentType);
        var import = await tenant.Http.SendRawAsync(HttpMethod.Post, "/v1/import", """{"type":"customer"}""", contentType);

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await import.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task UnknownRoutes_AnswerProblemDetails()
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.GetAsync("/v1/nothing-here");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task<TenantClient> SeededTenantAsync()
    {
        var tenant = await api.NewTenantAsync();
        await (await tenant.Http.PutJsonAsync(Customer, Bodies.Customer("Globex GmbH"))).JsonAsync(HttpStatusCode.Created);
        await (await tenant.Http.PutJsonAsync(Invoice, Bodies.Invoice(1000m))).JsonAsync(HttpStatusCode.Created);
        return tenant;
    }

    /// <summary>The seeded customer and invoice are exactly as they were created.</summary>
    private static async Task AssertUnchangedAsync(TenantClient tenant)
    {
        var customer = await (await tenant.Http.GetAsync(Customer)).JsonAsync(HttpStatusCode.OK);
        var invoice = await (await tenant.Http.GetAsync(Invoice)).JsonAsync(HttpStatusCode.OK);
        var list = await (await tenant.Http.GetAsync("/v1/customers")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Globex GmbH", customer.Text("name"));
        Assert.Equal("ap@globex.example", customer.GetProperty("contacts")[0].Text("email"));
        Assert.Equal(1000m, invoice.Number("amountDue"));
        Assert.Equal("2026-10-01", invoice.Text("issueDate"));
        Assert.Equal(0, invoice.GetProperty("payments").GetArrayLength());
        Assert.Equal(["c-1"], list.GetProperty("items").EnumerateArray().Select(c => c.Text("id")));
    }
}
