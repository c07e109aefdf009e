using System.Net;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Workflows;

/// <summary>Every rule of a workflow body answers 400 naming the field, and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class WorkflowValidationTests(ApiFixture api)
{
    private const string Standard = "/v1/workflows/standard";

    [Theory]
    [InlineData("id", "\"has space\"", "id")]
    [InlineData("name", null, "name")]
    [InlineData("name", "\" \"", "name")]
    [InlineData("name", "\"Late\\npayers\"", "name")]
    [InlineData("priority", null, "priority")]
    [InlineData("priority", "\"high\"", "priority")]
    [InlineData("priority", "1.5", "priority")]
    [InlineData("audience", null, "audience")]
    [InlineData("audience", """{"tags": [""]}""", "audience.tags[0]")]
    [InlineData("audience", """{"tags": "wholesale"}""", "audience.tags")]
    [InlineData("audience", """{"bands": ["sometimes"]}""", "audience.bands[0]")]
    [InlineData("audience", """{"bands": [3]}""", "audience.bands[0]")]
    [InlineData("audience", """{"paymentMethods": ["cash"]}""", "audience.paymentMethods[0]")]
    [InlineData("audience", """{"minOutstanding": -0.01}""", "audience.minOutstanding")]
    [InlineData("steps", null, "steps")]
    [InlineData("steps", "[]", "steps")]
    [InlineData("steps", "[null]", "steps[0]")]
    [InlineData("steps", """[{"name": "", "offsetDays": 1, "templateId": "default"}]""", "steps[0].name")]
    [InlineData("steps", """[{"offsetDays": 1, "templateId": "default"}]""", "steps[0].name")]
    [InlineData("steps", """[{"name": "a", "offsetDays": -366, "templateId": "default"}]""", "steps[0].offsetDays")]
    [InlineData("steps", """[{"name": "a", "offsetDays": 366, "templateId": "default"}]""", "steps[0].offsetDays")]
    [InlineData("steps", """[{"name": "a", "templateId": "default"}]""", "steps[0].offsetDays")]
    [InlineData("steps", """[{"name": "a", "offsetDays": 1, "templateId": "bad id"}]""", "steps[0].templateId")]
    [InlineData("steps", """[{"name": "a", "offsetDays": 1}]""", "steps[0].templateId")]
    [InlineData(
        "steps",
        """[{"name": "a", "offsetDays": 1, "templateId": "default"}, {"name": "a", "offsetDays": 2, "templateId": "default"}]""",
        "steps[1].name")]
    [InlineData("repeat", """{"everyDays": 0, "maxTimes": 1}""", "repeat.everyDays")]
    [InlineData("repeat", """{"everyDays": 366, "maxTimes": 1}""", "repeat.everyDays")]
    [InlineData("repeat", """{"maxTimes": 1}""", "repeat.everyDays")]
    [InlineData("repeat", """{"everyDays": 7, "maxTimes": 0}""", "repeat.maxTimes")]
    [InlineData("repeat", """{"everyDays": 7, "maxTimes": 53}""", "repeat.maxTimes")]
    public async Task InvalidField_Is400NamingItAndNothingChanges(string property, string? value, string field)
    {
        var tenant = await SeededTenantAsync();

        var posted = await tenant.Http.SendRawAsync(HttpMethod.Post, "/v1/workflows", Bodies.With(Bodies.Workflow(), property, value));
        var put = property == "id"
            ? posted
            : await tenant.Http.SendRawAsync(HttpMethod.Put, Standard, Bodies.With(Bodies.Workflow("Renamed"), property, value));

        await posted.ValidationProblemAsync(field);
        await put.ValidationProblemAsync(field);
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task TooManyStepsTagsOrTooLongNames_Are400()
    {
        var tenant = await SeededTenantAsync();
        var steps = Enumerable.Range(0, 51).Select(i => new { name = $"s{i}", offsetDays = i, templateId = "default" });
        var tags = Enumerable.Range(0, 51).Select(i => $"t{i}");

        var tooManySteps = await tenant.Http.SendRawAsync(HttpMethod.Put, Standard, With("steps", steps));
        var tooManyTags = await tenant.Http.SendRawAsync(HttpMethod.Put, Standard, With("audience", new { tags }));
        var longName = await tenant.Http.PutJsonAsync(Standard, Bodies.Workflow(new string('n', 201)));
        var longStepName = await tenant.Http.SendRawAsync(HttpMethod.Put, Standard,
            With("steps", new[] { new { name = new string('s', 101), offsetDays = 1, templateId = "default" } }));

        await tooManySteps.ValidationProblemAsync("steps");
        await tooManyTags.ValidationProblemAsync("audience.tags");
        await longName.ValidationProblemAsync("name");
        await longStepName.ValidationProblemAsync("steps[0].name");
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task Values_AtTheLimits_AreAccepted()
    {
        var tenant = await api.NewTenantAsync();
        var body = new
        {
            name = new string('n', 200),
            priority = int.MinValue,
            audience = new { tags = Enumerable.Range(0, 50).Select(i => $"t{i}"), minOutstanding = 0 },
            steps = Enumerable.Range(0, 50).Select(i => new
            {
                name = $"{i:D2}{new string('s', 98)}",
                offsetDays = i == 49 ? 365 : (i * 14) - 365,
                templateId = "default",
            }),
            repeat = new { everyDays = 365, maxTimes = 52 },
        };

        var response = await tenant.Http.PutJsonAsync("/v1/workflows/limits", body);

        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(50, created.GetProperty("steps").GetArrayLength());
        Assert.Equal(int.MinValue, created.GetProperty("priority").GetInt32());
    }

    [Theory]
    [InlineData("has%20space")]
    [InlineData("semi;colon")]
    [InlineData("%C3%BCmlaut")]
    public async Task IdsOutsideTheAllowedCharacters_Are400(string workflowId)
    {
        var tenant = await SeededTenantAsync();
        var path = $"/v1/workflows/{workflowId}";

        var put = await tenant.Http.PutJsonAsync(path, Bodies.Workflow());
        var get = await tenant.Http.GetAsync(path);
        var delete = await tenant.Http.DeleteAsync(path);

        await put.ValidationProblemAsync("workflowId");
        await get.ValidationProblemAsync("workflowId");
        await delete.ValidationProblemAsync("workflowId");
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task PutWorkflow_WithAnotherIdInTheBody_Is400()
    {
        var tenant = await SeededTenantAsync();

        var response = await tenant.Http.PutJsonAsync(Standard, Bodies.Workflow("Renamed", id: "other"));

        await response.ValidationProblemAsync("id");
        await AssertUnchangedAsync(tenant);
    }

    private static string With(string property, object value) =>
        Bodies.With(Bodies.Workflow("Renamed"), property, System.Text.Json.JsonSerializer.Serialize(value));

    private async Task<TenantClient> SeededTenantAsync()
    {
        var tenant = await api.NewTenantAsync();
        await (await tenant.Http.PutJsonAsync(Standard, Bodies.Workflow("Standard"))).JsonAsync(HttpStatusCode.Created);
        return tenant;
    }

    /// <summary>The seeded workflow is as it was created, and no other workflow appeared.</summary>
    private static async Task AssertUnchangedAsync(TenantClient tenant)
    {
        var standard = await (await tenant.Http.GetAsync(Standard)).JsonAsync(HttpStatusCode.OK);
        var list = await (await tenant.Http.GetAsync("/v1/workflows")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Standard", standard.Text("name"));
        Assert.Equal(standard.Text("createdAt"), standard.Text("updatedAt"));
        Assert.Equal(["standard"], list.GetProperty("items").EnumerateArray().Select(w => w.Text("id")));
    }
}
