using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Templates;
using Mimo.Grains.Tests.Infrastructure;
using static Mimo.Grains.Tests.Tenants.TenantCatalogue;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Tenants;

[Collection(GrainClusterCollection.Name)]
public sealed class TenantTemplateTests(GrainClusterFixture fixture)
{
    private ITemplateGrain TemplateGrain(ITenantGrain tenant, string templateId) =>
        fixture.Client.GetGrain<ITemplateGrain>(TemplateKey.Format(tenant.GetPrimaryKeyString(), templateId));

    [Fact]
    public async Task Create_GivesTheTenantADefaultTemplateThatParses()
    {
        var tenant = await NewTenantAsync(fixture.Client);

        var listed = await tenant.ListTemplatesAsync();
        var stored = await TemplateGrain(tenant, "default").GetAsync();

        Assert.Equal(["default"], listed.Select(t => t.Id));
        Assert.Equal(DefaultTemplate.Content, stored!.Content);
        Assert.Equal(1, stored.Version);
        Assert.Empty(TemplateSyntax.Validate(stored.Content));
    }

    [Fact]
    public async Task SaveTemplate_CreatesThenReplacesWithANewVersion()
    {
        var tenant = await NewTenantAsync(fixture.Client);

        var created = await tenant.SaveTemplateAsync("friendly", AContent("Friendly"), mustBeNew: true);
        var replaced = await tenant.SaveTemplateAsync("friendly", AContent("Friendlier"), mustBeNew: false);

        Assert.Equal(ResultStatus.Created, created.Status);
        Assert.Equal(ResultStatus.Ok, replaced.Status);
        Assert.Equal(1, created.Value!.Version);
        Assert.Equal(2, replaced.Value!.Version);
        Assert.Equal(created.Value.CreatedAt, replaced.Value.CreatedAt);
        Assert.Equal("Friendlier", (await TemplateGrain(tenant, "friendly").GetAsync())!.Content.Name);
        Assert.Equal("Friendlier", (await tenant.ListTemplatesAsync()).Single(t => t.Id == "friendly").Name);
    }

    [Fact]
    public async Task SaveTemplate_MustBeNewWithAnIdThatExists_IsAConflictAndChangesNothing()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        await tenant.SaveTemplateAsync("friendly", AContent("Friendly"), mustBeNew: true);

        var again = await tenant.SaveTemplateAsync("friendly", AContent("Other"), mustBeNew: true);

        Assert.Equal(ResultStatus.Conflict, again.Status);
        var stored = await TemplateGrain(tenant, "friendly").GetAsync();
        Assert.Equal("Friendly", stored!.Content.Name);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task SaveTemplate_WithALiquidError_IsInvalidNamingTheFieldAndLine()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        var content = AContent() with { Html = "<p>Hello</p>\n<p>{{ customer.name </p>" };

        var result = await tenant.SaveTemplateAsync("broken", content, mustBeNew: false);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("html", result.Field);
        Assert.StartsWith("Line 2, column ", result.Error);
        Assert.Null(await TemplateGrain(tenant, "broken").GetAsync());
        Assert.Equal(["default"], (await tenant.ListTemplatesAsync()).Select(t => t.Id));
    }

    [Fact]
    public async Task SaveTemplate_WithABlankSubject_IsInvalid()
    {
        var tenant = await NewTenantAsync(fixture.Client);

        var result = await tenant.SaveTemplateAsync("blank", AContent(subject: " "), mustBeNew: false);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("subject", result.Field);
    }

    [Fact]
    public async Task ListTemplates_IsOrderedById()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        foreach (var id in new[] { "zeta", "Alpha", "beta", "alpha" })
        {
            await tenant.SaveTemplateAsync(id, AContent(id), mustBeNew: true);
        }

        var listed = await tenant.ListTemplatesAsync();

        Assert.Equal(["Alpha", "alpha", "beta", "default", "zeta"], listed.Select(t => t.Id));
        Assert.Equal("Hello {{ customer.name }}", listed[0].Subject);
    }

    [Fact]
    public async Task DeleteTemplate_RemovesTheListEntryAndTheBody()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        await tenant.SaveTemplateAsync("friendly", AContent(), mustBeNew: true);

        var deleted = await tenant.DeleteTemplateAsync("friendly");
        var again = await tenant.DeleteTemplateAsync("friendly");

        Assert.Equal(ResultStatus.Ok, deleted.Status);
        Assert.Equal("friendly", deleted.Value!.Id);
        Assert.Equal(ResultStatus.NotFound, again.Status);
        Assert.Null(await TemplateGrain(tenant, "friendly").GetAsync());
        Assert.Equal(["default"], (await tenant.ListTemplatesAsync()).Select(t => t.Id));
    }

    [Fact]
    public async Task DeleteTemplate_Unknown_IsNotFound()
    {
        var tenant = await NewTenantAsync(fixture.Client);

        var result = await tenant.DeleteTemplateAsync("nothing");

        Assert.Equal(ResultStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task DeleteTemplate_WhileAWorkflowUsesIt_IsAConflictNamingTheWorkflow()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        await tenant.SaveTemplateAsync("firm", AContent(), mustBeNew: true);
        await tenant.SaveWorkflowAsync("wf-late", AWorkflow("firm", name: "Late payers"), mustBeNew: true);

        var refused = await tenant.DeleteTemplateAsync("firm");

        Assert.Equal(ResultStatus.Conflict, refused.Status);
        Assert.Contains("'wf-late' (Late payers)", refused.Error);
        Assert.NotNull(await TemplateGrain(tenant, "firm").GetAsync());
        Assert.Contains("firm", (await tenant.ListTemplatesAsync()).Select(t => t.Id));
    }

    [Fact]
    public async Task DeleteTemplate_AfterTheWorkflowStoppedUsingIt_Succeeds()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        await tenant.SaveTemplateAsync("firm", AContent(), mustBeNew: true);
        await tenant.SaveWorkflowAsync("wf-late", AWorkflow("firm"), mustBeNew: true);
        await tenant.SaveWorkflowAsync("wf-late", AWorkflow("default"), mustBeNew: false);

        var deleted = await tenant.DeleteTemplateAsync("firm");

        Assert.Equal(ResultStatus.Ok, deleted.Status);
        Assert.Null(await TemplateGrain(tenant, "firm").GetAsync());
    }

    [Fact]
    public async Task DeleteTemplate_WithABodyThatWasNeverListed_ClearsTheBody()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        await TemplateGrain(tenant, "unlisted").SaveAsync(AContent());

        var deleted = await tenant.DeleteTemplateAsync("unlisted");

        Assert.Equal(ResultStatus.Ok, deleted.Status);
        Assert.Null(await TemplateGrain(tenant, "unlisted").GetAsync());
    }

    [Fact]
    public async Task TemplateChanges_LeaveTheRevisionAlone()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        var before = await RevisionAsync(tenant);

        await tenant.SaveTemplateAsync("friendly", AContent(), mustBeNew: true);
        await tenant.SaveTemplateAsync("friendly", AContent("Renamed"), mustBeNew: false);
        await tenant.DeleteTemplateAsync("friendly");

        Assert.Equal(before, await RevisionAsync(tenant));
    }

    [Fact]
    public async Task TemplateOperations_OnAnUnknownTenant_AreNotFound()
    {
        var tenant = fixture.Client.GetGrain<ITenantGrain>(NewId("tn"));

        var save = await tenant.SaveTemplateAsync("friendly", AContent(), mustBeNew: false);
        var delete = await tenant.DeleteTemplateAsync("default");

        Assert.Equal(ResultStatus.NotFound, save.Status);
        Assert.Equal(ResultStatus.NotFound, delete.Status);
        Assert.Empty(await tenant.ListTemplatesAsync());
        Assert.Null(await TemplateGrain(tenant, "friendly").GetAsync());
    }
}
