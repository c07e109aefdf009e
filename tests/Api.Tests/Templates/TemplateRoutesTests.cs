using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Templates;

[Collection(ApiCollection.Name)]
public sealed partial class TemplateRoutesTests(ApiFixture api)
{
    [GeneratedRegex("^tpl_[a-z0-9]{16}$")]
    private static partial Regex ServerId();

    [Fact]
    public async Task NewTenant_HasTheDefaultTemplate()
    {
        var tenant = await api.NewTenantAsync();

        var template = await (await tenant.Http.GetAsync("/v1/templates/default")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Payment reminder from {{ tenant.name }}", template.Text("subject"));
        Assert.Contains("{% for invoice in invoices %}", template.Text("html"));
        Assert.Equal(JsonValueKind.Null, template.GetProperty("text").ValueKind);
        Assert.Equal(1, template.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task PostTemplate_WithoutAnId_MakesOneAndAnswers201WithLocation()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync("/v1/templates", Bodies.Template(text: "Dear {{ customer.name }}"));

        var created = await response.JsonAsync(HttpStatusCode.Created);
        var id = created.Text("id");
        Assert.Matches(ServerId(), id);
        Assert.Equal($"/v1/templates/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Friendly reminder", created.Text("name"));
        Assert.Equal("Invoices from {{ tenant.name }}", created.Text("subject"));
        Assert.Equal("<p>Dear {{ customer.name }},</p>", created.Text("html"));
        Assert.Equal("Dear {{ customer.name }}", created.Text("text"));
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal(created.Text("createdAt"), created.Text("updatedAt"));
    }

    [Fact]
    public async Task PostTemplate_WithAnIdThatExists_Is409AndChangesNothing()
    {
        var tenant = await api.NewTenantAsync();
        var first = await tenant.Http.PostAsJsonAsync("/v1/templates", Bodies.Template("First", id: "gentle"));

        var second = await tenant.Http.PostAsJsonAsync("/v1/templates", Bodies.Template("Second", id: "gentle"));

        Assert.Equal("/v1/templates/gentle", first.Headers.Location?.OriginalString);
        await second.ProblemAsync(HttpStatusCode.Conflict);
        var stored = await (await tenant.Http.GetAsync("/v1/templates/gentle")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("First", stored.Text("name"));
        Assert.Equal(1, stored.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task PutTemplate_CreatesThenReplaces()
    {
        var tenant = await api.NewTenantAsync();

        var created = await tenant.Http.PutJsonAsync("/v1/templates/firm", Bodies.Template("Firm"));
        var replaced = await tenant.Http.PutJsonAsync("/v1/templates/firm", Bodies.Template("Firmer", text: "Pay."));

        var first = await created.JsonAsync(HttpStatusCode.Created);
        var second = await replaced.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("/v1/templates/firm", created.Headers.Location?.OriginalString);
        Assert.Equal("Firmer", second.Text("name"));
        Assert.Equal("Pay.", second.Text("text"));
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal(first.Text("createdAt"), second.Text("createdAt"));
    }

    [Fact]
    public async Task PutTemplate_WithTheSameIdInTheBody_IsAccepted()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.PutJsonAsync("/v1/templates/firm", Bodies.Template(id: "firm"));

        Assert.Equal("firm", (await response.JsonAsync(HttpStatusCode.Created)).Text("id"));
    }

    [Fact]
    public async Task GetTemplate_Unknown_Is404Problem()
    {
        var tenant = await api.NewTenantAsync();

        var problem = await (await tenant.Http.GetAsync("/v1/templates/nothing")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("There is no such template.", problem.Text("detail"));
    }

    [Fact]
    public async Task ListTemplates_IsOnePageInIdOrderWithoutBodies()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PutJsonAsync("/v1/templates/zeta", Bodies.Template("Zeta"));
        await tenant.Http.PutJsonAsync("/v1/templates/alpha", Bodies.Template("Alpha"));

        var page = await (await tenant.Http.GetAsync("/v1/templates")).JsonAsync(HttpStatusCode.OK);

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["alpha", "default", "zeta"], items.Select(t => t.Text("id")));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        Assert.Equal(["id", "name", "subject", "updatedAt"], items[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("Alpha", items[0].Text("name"));
    }

    [Fact]
    public async Task ListTemplates_ShowsOnlyTheCallersTemplates()
    {
        var owner = await api.NewTenantAsync("Owner");
        var other = await api.NewTenantAsync("Other");
        await owner.Http.PutJsonAsync("/v1/templates/owned", Bodies.Template());

        var page = await (await other.Http.GetAsync("/v1/templates")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["default"], page.GetProperty("items").EnumerateArray().Select(t => t.Text("id")));
    }

    [Fact]
    public async Task DeleteTemplate_Is204ThenTheTemplateIsGone()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PutJsonAsync("/v1/templates/firm", Bodies.Template());

        var deleted = await tenant.Http.DeleteAsync("/v1/templates/firm");
        var again = await tenant.Http.DeleteAsync("/v1/templates/firm");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await again.ProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Http.GetAsync("/v1/templates/firm")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteTemplate_UsedByAWorkflow_Is409NamingItUntilTheWorkflowChanges()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PutJsonAsync("/v1/templates/firm", Bodies.Template());
        await tenant.Http.PutJsonAsync("/v1/workflows/late-payers", Bodies.Workflow("Late payers", templateId: "firm"));

        var refused = await tenant.Http.DeleteAsync("/v1/templates/firm");
        await tenant.Http.PutJsonAsync("/v1/workflows/late-payers", Bodies.Workflow("Late payers"));
        var allowed = await tenant.Http.DeleteAsync("/v1/templates/firm");

        var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("'late-payers' (Late payers)", problem.Text("detail"));
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
    }

    [Fact]
    public async Task DeleteTemplate_TheDefault_IsAllowedWhenNoWorkflowUsesIt()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.DeleteAsync("/v1/templates/default");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }
}
