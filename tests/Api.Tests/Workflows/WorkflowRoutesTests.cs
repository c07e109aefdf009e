using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Workflows;

[Collection(ApiCollection.Name)]
public sealed partial class WorkflowRoutesTests(ApiFixture api)
{
    [GeneratedRegex("^wf_[a-z0-9]{16}$")]
    private static partial Regex ServerId();

    [Fact]
    public async Task PostWorkflow_WithoutAnId_MakesOneAndAnswers201WithLocation()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync("/v1/workflows", Bodies.Workflow("Late payers", priority: 10));

        var created = await response.JsonAsync(HttpStatusCode.Created);
        var id = created.Text("id");
        Assert.Matches(ServerId(), id);
        Assert.Equal($"/v1/workflows/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Late payers", created.Text("name"));
        Assert.Equal(10, created.GetProperty("priority").GetInt32());
        Assert.Equal(created.Text("createdAt"), created.Text("updatedAt"));
    }

    [Fact]
    public async Task PostWorkflow_EchoesTheAudienceStepsAndRepeatInSnakeCase()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.PostAsJsonAsync("/v1/workflows", Bodies.Workflow(id: "standard"));

        var created = await response.JsonAsync(HttpStatusCode.Created);
        var audience = created.GetProperty("audience");
        Assert.Equal(["wholesale"], Strings(audience.GetProperty("tags")));
        Assert.Equal(["late", "average"], Strings(audience.GetProperty("bands")));
        Assert.Equal(["bank_transfer", "direct_debit"], Strings(audience.GetProperty("paymentMethods")));
        Assert.Equal(100m, audience.Number("minOutstanding"));
        var steps = created.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["before", "after"], steps.Select(s => s.Text("name")));
        Assert.Equal([-3, 7], steps.Select(s => s.GetProperty("offsetDays").GetInt32()));
        Assert.All(steps, s => Assert.Equal("default", s.Text("templateId")));
        Assert.Equal(7, created.GetProperty("repeat").GetProperty("everyDays").GetInt32());
        Assert.Equal(4, created.GetProperty("repeat").GetProperty("maxTimes").GetInt32());
    }

    [Fact]
    public async Task PostWorkflow_WithAnIdThatExists_Is409AndChangesNothing()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PostAsJsonAsync("/v1/workflows", Bodies.Workflow("First", id: "standard"));

        var second = await tenant.Http.PostAsJsonAsync("/v1/workflows", Bodies.Workflow("Second", id: "standard"));

        await second.ProblemAsync(HttpStatusCode.Conflict);
        var stored = await (await tenant.Http.GetAsync("/v1/workflows/standard")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("First", stored.Text("name"));
    }

    [Fact]
    public async Task PutWorkflow_CreatesThenReplaces()
    {
        var tenant = await api.NewTenantAsync();

        var created = await tenant.Http.PutJsonAsync("/v1/workflows/standard", Bodies.Workflow("Standard"));
        var replaced = await tenant.Http.PutJsonAsync("/v1/workflows/standard", Bodies.Workflow("Gentle", priority: 3));

        var first = await created.JsonAsync(HttpStatusCode.Created);
        var second = await replaced.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("/v1/workflows/standard", created.Headers.Location?.OriginalString);
        Assert.Equal("Gentle", second.Text("name"));
        Assert.Equal(3, second.GetProperty("priority").GetInt32());
        Assert.Equal(first.Text("createdAt"), second.Text("createdAt"));
    }

    [Fact]
    public async Task PutWorkflow_WithAnEmptyAudienceAndNoRepeat_IsAccepted()
    {
        var tenant = await api.NewTenantAsync();
        var body = new
        {
            name = "Everyone",
            priority = -1,
            audience = new { },
            steps = new[] { new { name = "due", offsetDays = 0, templateId = "default" } },
        };

        var response = await tenant.Http.PutJsonAsync("/v1/workflows/everyone", body);

        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("repeat").ValueKind);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("audience").GetProperty("bands").ValueKind);
    }

    [Fact]
    public async Task GetWorkflow_ShowsItAndUnknownIs404Problem()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PutJsonAsync("/v1/workflows/standard", Bodies.Workflow("Standard"));

        var found = await (await tenant.Http.GetAsync("/v1/workflows/standard")).JsonAsync(HttpStatusCode.OK);
        var missing = await (await tenant.Http.GetAsync("/v1/workflows/nothing")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("Standard", found.Text("name"));
        Assert.Equal("There is no such workflow.", missing.Text("detail"));
    }

    [Fact]
    public async Task ListWorkflows_IsOnePageHighestPriorityFirstThenById()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PutJsonAsync("/v1/workflows/b", Bodies.Workflow(priority: 5));
        await tenant.Http.PutJsonAsync("/v1/workflows/low", Bodies.Workflow(priority: -10));
        await tenant.Http.PutJsonAsync("/v1/workflows/a", Bodies.Workflow(priority: 5));
        await tenant.Http.PutJsonAsync("/v1/workflows/top", Bodies.Workflow(priority: 50));

        var page = await (await tenant.Http.GetAsync("/v1/workflows")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["top", "a", "b", "low"], page.GetProperty("items").EnumerateArray().Select(w => w.Text("id")));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task ListWorkflows_ShowsOnlyTheCallersWorkflows()
    {
        var owner = await api.NewTenantAsync("Owner");
        var other = await api.NewTenantAsync("Other");
        await owner.Http.PutJsonAsync("/v1/workflows/owned", Bodies.Workflow());

        var page = await (await other.Http.GetAsync("/v1/workflows")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task DeleteWorkflow_Is204ThenTheWorkflowIsGone()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PutJsonAsync("/v1/workflows/standard", Bodies.Workflow());

        var deleted = await tenant.Http.DeleteAsync("/v1/workflows/standard");
        var again = await tenant.Http.DeleteAsync("/v1/workflows/standard");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await again.ProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Http.GetAsync("/v1/workflows/standard")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Workflow_WithAStepNamingAMissingTemplate_Is400NamingTheStep()
    {
        var tenant = await api.NewTenantAsync();
        var body = new
        {
            name = "Broken",
            priority = 0,
            audience = new { },
            steps = new[]
            {
                new { name = "first", offsetDays = 1, templateId = "default" },
                new { name = "second", offsetDays = 7, templateId = "missing" },
            },
        };

        var posted = await tenant.Http.PostAsJsonAsync("/v1/workflows", body);
        var put = await tenant.Http.PutJsonAsync("/v1/workflows/broken", body);

        var errors = await posted.ValidationProblemAsync("steps[1].templateId");
        Assert.Contains("'missing'", errors.GetProperty("steps[1].templateId")[0].GetString());
        await put.ValidationProblemAsync("steps[1].templateId");
        var page = await (await tenant.Http.GetAsync("/v1/workflows")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
    }

    private static IEnumerable<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString());
}
