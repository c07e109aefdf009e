using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Interfaces.Workflows;

namespace Mimo.Grains.Tenants;

// Replaced by the templates-and-workflows work of issue 3 before it lands.
internal sealed partial class TenantGrain
{
    public Task<ReminderContext?> GetReminderContextAsync() => throw new NotImplementedException();

    public Task<GrainResult<MessageTemplate>> SaveTemplateAsync(string templateId, TemplateContent content, bool mustBeNew) =>
        throw new NotImplementedException();

    public Task<IReadOnlyList<TemplateSummary>> ListTemplatesAsync() => throw new NotImplementedException();

    public Task<GrainResult<TemplateSummary>> DeleteTemplateAsync(string templateId) => throw new NotImplementedException();

    public Task<GrainResult<Workflow>> SaveWorkflowAsync(string workflowId, WorkflowDefinition definition, bool mustBeNew) =>
        throw new NotImplementedException();

    public Task<Workflow?> GetWorkflowAsync(string workflowId) => throw new NotImplementedException();

    public Task<IReadOnlyList<Workflow>> ListWorkflowsAsync() => throw new NotImplementedException();

    public Task<GrainResult<Workflow>> DeleteWorkflowAsync(string workflowId) => throw new NotImplementedException();
}
