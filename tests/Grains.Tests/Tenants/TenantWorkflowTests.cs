using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Interfaces.Workflows;
using Mimo.Grains.Tests.Infrastructure;
using static Mimo.Grains.Tests.Tenants.TenantCatalogue;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Tenants;

[Collection(GrainClusterCollection.Name)]
public sealed class TenantWorkflowTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task SaveWorkflow_CreatesThenReplacesKeepingCreatedAt()
    {
        var tenant = await NewTenantAsync(fixture.Client);

        var created = await tenant.SaveWorkflowAsync("wf-1", AWorkflow(name: "Standard"), mustBeNew: true);
        var replaced = await tenant.SaveWorkflowAsync("wf-1", AWorkflow(name: "Gentle"), mustBeNew: false);

        Assert.Equal(ResultStatus.Created, created.Status);
        Assert.Equal(ResultStatus.Ok, replaced.Status);
        Assert.Equal(created.Value!.CreatedAt, replaced.Value!.CreatedAt);
        Assert.Equal("Gentle", (await tenant.GetWorkflowAsync("wf-1"))!.Definition.Name);
    }

    [Fact]
    public async Task SaveWorkflow_MustBeNewWithAnIdThatExists_IsAConflict()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        await tenant.SaveWorkflowAsync("wf-1", AWorkflow(name: "Standard"), mustBeNew: true);

        var again = await tenant.SaveWorkflowAsync("wf-1", AWorkflow(name: "Other"), mustBeNew: true);

        Assert.Equal(ResultStatus.Conflict, again.Status);
        Assert.Equal("Standard", (await tenant.GetWorkflowAsync("wf-1"))!.Definition.Name);
    }

    [Fact]
    public async Task SaveWorkflow_WithAStepNamingAMissingTemplate_IsInvalidAndChangesNothing()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        var revision = await RevisionAsync(tenant);
        var definition = AWorkflow() with
        {
            Steps = [new WorkflowStep("due", 1, "default"), new WorkflowStep("week", 7, "missing")],
        };

        var result = await tenant.SaveWorkflowAsync("wf-1", definition, mustBeNew: false);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("steps[1].templateId", result.Field);
        Assert.Contains("'missing'", result.Error);
        Assert.Null(await tenant.GetWorkflowAsync("wf-1"));
        Assert.Equal(revision, await RevisionAsync(tenant));
    }

    [Fact]
    public async Task SaveWorkflow_WithTwoStepsOfTheSameName_IsInvalid()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        var definition = AWorkflow() with
        {
            Steps = [new WorkflowStep("again", 1, "default"), new WorkflowStep("again", 7, "default")],
        };

        var result = await tenant.SaveWorkflowAsync("wf-1", definition, mustBeNew: false);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("steps[1].name", result.Field);
    }

    [Fact]
    public async Task ListWorkflows_IsHighestPriorityFirstThenById()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        await tenant.SaveWorkflowAsync("wf-b", AWorkflow(priority: 5), mustBeNew: true);
        await tenant.SaveWorkflowAsync("wf-low", AWorkflow(priority: -3), mustBeNew: true);
        await tenant.SaveWorkflowAsync("wf-a", AWorkflow(priority: 5), mustBeNew: true);
        await tenant.SaveWorkflowAsync("wf-top", AWorkflow(priority: 100), mustBeNew: true);

        var listed = await tenant.ListWorkflowsAsync();
        var context = await tenant.GetReminderContextAsync();

        Assert.Equal(["wf-top", "wf-a", "wf-b", "wf-low"], listed.Select(w => w.Id));
        Assert.Equal(["wf-top", "wf-a", "wf-b", "wf-low"], context!.Workflows.Select(w => w.Id));
    }

    [Fact]
    public async Task DeleteWorkflow_RemovesItThenIsNotFound()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        await tenant.SaveWorkflowAsync("wf-1", AWorkflow(), mustBeNew: true);

        var deleted = await tenant.DeleteWorkflowAsync("wf-1");
        var again = await tenant.DeleteWorkflowAsync("wf-1");

        Assert.Equal(ResultStatus.Ok, deleted.Status);
        Assert.Equal("wf-1", deleted.Value!.Id);
        Assert.Equal(ResultStatus.NotFound, again.Status);
        Assert.Null(await tenant.GetWorkflowAsync("wf-1"));
        Assert.Empty(await tenant.ListWorkflowsAsync());
    }

    [Fact]
    public async Task Revision_GrowsWithEachSettingsAndWorkflowChange()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        var start = await RevisionAsync(tenant);

        await tenant.UpdateSettingsAsync(new TenantSettingsPatch(SendTime: new TimeOnly(8, 0)));
        var afterSettings = await RevisionAsync(tenant);
        await tenant.SaveWorkflowAsync("wf-1", AWorkflow(), mustBeNew: true);
        var afterSave = await RevisionAsync(tenant);
        await tenant.DeleteWorkflowAsync("wf-1");
        var afterDelete = await RevisionAsync(tenant);

        Assert.Equal(start + 1, afterSettings);
        Assert.Equal(start + 2, afterSave);
        Assert.Equal(start + 3, afterDelete);
    }

    [Fact]
    public async Task Revision_StaysWhenAWorkflowChangeIsRefused()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        await tenant.SaveWorkflowAsync("wf-1", AWorkflow(), mustBeNew: true);
        var revision = await RevisionAsync(tenant);

        await tenant.SaveWorkflowAsync("wf-1", AWorkflow(), mustBeNew: true);
        await tenant.DeleteWorkflowAsync("wf-unknown");

        Assert.Equal(revision, await RevisionAsync(tenant));
    }

    [Fact]
    public async Task GetReminderContext_HasTheSettingsTheWorkflowsAndTheRevision()
    {
        var tenant = await NewTenantAsync(fixture.Client);
        await tenant.SaveWorkflowAsync("wf-1", AWorkflow(), mustBeNew: true);

        var context = await tenant.GetReminderContextAsync();

        Assert.Equal("Acme Billing", context!.Settings.Name);
        Assert.Equal("wf-1", Assert.Single(context.Workflows).Id);
        Assert.Equal(2, context.Revision);
    }

    [Fact]
    public async Task WorkflowOperations_OnAnUnknownTenant_AreNotFound()
    {
        var tenant = fixture.Client.GetGrain<ITenantGrain>(NewId("tn"));

        var save = await tenant.SaveWorkflowAsync("wf-1", AWorkflow(), mustBeNew: false);
        var delete = await tenant.DeleteWorkflowAsync("wf-1");

        Assert.Equal(ResultStatus.NotFound, save.Status);
        Assert.Equal(ResultStatus.NotFound, delete.Status);
        Assert.Null(await tenant.GetWorkflowAsync("wf-1"));
        Assert.Empty(await tenant.ListWorkflowsAsync());
        Assert.Null(await tenant.GetReminderContextAsync());
    }
}
