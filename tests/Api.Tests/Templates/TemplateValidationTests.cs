using System.Net;
using System.Net.Http.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Templates;

/// <summary>Every rule of a template body answers 400 naming the field, and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class TemplateValidationTests(ApiFixture api)
{
    private const string Firm = "/v1/templates/firm";
    private const int MaxBodyBytes = 256 * 1024;

    [Theory]
    [InlineData("name", null)]
    [InlineData("name", "\"  \"")]
    [InlineData("name", "\"Friendly\\nreminder\"")]
    [InlineData("name", "42")]
    [InlineData("subject", null)]
    [InlineData("subject", "\"\"")]
    [InlineData("subject", "\"Reminder\\r\\nBcc: victim@evil.example\"")]
    [InlineData("subject", "\"Reminder from {{ tenant.name \"")]
    [InlineData("html", null)]
    [InlineData("html", "\"\"")]
    [InlineData("html", "\"   \"")]
    [InlineData("html", "\"{% if x %}never closed\"")]
    [InlineData("text", "\"{{ x | }}\"")]
    [InlineData("text", "[\"not\", \"a\", \"string\"]")]
    [InlineData("id", "\"has space\"")]
    [InlineData("id", "\"\"")]
    [InlineData("id", "\"0123456789012345678901234567890123456789012345678901234567890123456789\"")]
    public async Task InvalidField_Is400NamingItAndNothingChanges(string field, string? value)
    {
        var tenant = await SeededTenantAsync();

        var posted = await tenant.Http.SendRawAsync(HttpMethod.Post, "/v1/templates", Bodies.With(Bodies.Template(), field, value));
        var put = field == "id"
            ? posted
            : await tenant.Http.SendRawAsync(HttpMethod.Put, Firm, Bodies.With(Bodies.Template("Renamed"), field, value));

        await posted.ValidationProblemAsync(field);
        await put.ValidationProblemAsync(field);
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task LiquidSyntaxError_NamesTheFieldAndTheLine()
    {
        var tenant = await SeededTenantAsync();
        const string html = "<p>Dear {{ customer.name }},</p>\n<p>Thank you.</p>\n<p>{{ tenant.name </p>";

        var response = await tenant.Http.PutJsonAsync(Firm, Bodies.Template(html: html));

        var errors = await response.ValidationProblemAsync("html");
        Assert.StartsWith("Line 3, column ", errors.GetProperty("html")[0].GetString());
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task LiquidSyntaxErrors_InEveryField_AreEachNamed()
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync("/v1/templates",
            Bodies.Template(subject: "Hi {{ customer.name", html: "{% endif %}", text: "ok\n{% for i in x %}"));

        var errors = await response.ValidationProblemAsync("subject", "html", "text");
        Assert.StartsWith("Line 1, column ", errors.GetProperty("subject")[0].GetString());
        Assert.StartsWith("Line 2, column ", errors.GetProperty("text")[0].GetString());
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task Lengths_AtTheLimit_AreAccepted()
    {
        var tenant = await api.NewTenantAsync();
        var body = Bodies.Template(
            new string('n', 200),
            new string('s', 1000),
            new string('h', MaxBodyBytes),
            new string('t', MaxBodyBytes));

        var response = await tenant.Http.PutJsonAsync("/v1/templates/long", body);

        await response.JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Lengths_OverTheLimit_Are400()
    {
        var tenant = await SeededTenantAsync();

        var name = await tenant.Http.PutJsonAsync(Firm, Bodies.Template(name: new string('n', 201)));
        var subject = await tenant.Http.PutJsonAsync(Firm, Bodies.Template(subject: new string('s', 1001)));
        var html = await tenant.Http.PutJsonAsync(Firm, Bodies.Template(html: new string('h', MaxBodyBytes + 1)));
        var text = await tenant.Http.PutJsonAsync(Firm, Bodies.Template(text: new string('t', MaxBodyBytes + 1)));

        await name.ValidationProblemAsync("name");
        await subject.ValidationProblemAsync("subject");
        await html.ValidationProblemAsync("html");
        await text.ValidationProblemAsync("text");
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task BodySize_IsCountedInUtf8Bytes()
    {
        var tenant = await SeededTenantAsync();
        var html = new string('é', (MaxBodyBytes / 2) + 1);

        var response = await tenant.Http.PutJsonAsync(Firm, Bodies.Template(html: html));

        var errors = await response.ValidationProblemAsync("html");
        Assert.Contains("256 KiB", errors.GetProperty("html")[0].GetString());
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("has%20space")]
    [InlineData("semi;colon")]
    [InlineData("%C3%BCmlaut")]
    public async Task IdsOutsideTheAllowedCharacters_Are400(string templateId)
    {
        var tenant = await SeededTenantAsync();
        var path = $"/v1/templates/{templateId}";

        var put = await tenant.Http.PutJsonAsync(path, Bodies.Template());
        var get = await tenant.Http.GetAsync(path);
        var delete = await tenant.Http.DeleteAsync(path);

        await put.ValidationProblemAsync("templateId");
        await get.ValidationProblemAsync("templateId");
        await delete.ValidationProblemAsync("templateId");
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task PutTemplate_WithAnotherIdInTheBody_Is400()
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.PutJsonAsync(Firm, Bodies.Template("Renamed", id: "other"));

        await response.ValidationProblemAsync("id");
        await AssertUnchangedAsync(tenant);
    }

    private async Task<TenantClient> SeededTenantAsync()
    {
        var tenant = await api.NewTenantAsync();
        await (await tenant.Http.PutJsonAsync(Firm, Bodies.Template("Firm"))).JsonAsync(HttpStatusCode.Created);
        return tenant;
    }

    /// <summary>The seeded template is as it was created, and no other template appeared.</summary>
    private static async Task AssertUnchangedAsync(TenantClient tenant)
    {
        var firm = await (await tenant.Http.GetAsync(Firm)).JsonAsync(HttpStatusCode.OK);
        var list = await (await tenant.Http.GetAsync("/v1/templates")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Firm", firm.Text("name"));
        Assert.Equal(1, firm.GetProperty("version").GetInt32());
        Assert.Equal(["default", "firm"], list.GetProperty("items").EnumerateArray().Select(t => t.Text("id")));
    }
}
