using Microsoft.Extensions.Logging;

namespace Mimo.Grains.Tenants;

internal sealed partial class TenantGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} created with API key {KeyId}")]
    private static partial void LogTenantCreated(ILogger logger, string tenantId, string keyId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Settings of tenant {TenantId} changed (revision {Revision})")]
    private static partial void LogSettingsChanged(ILogger logger, string tenantId, long revision);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Template {TemplateId} of tenant {TenantId} saved (version {Version})")]
    private static partial void LogTemplateSaved(ILogger logger, string tenantId, string templateId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Template {TemplateId} of tenant {TenantId} deleted")]
    private static partial void LogTemplateDeleted(ILogger logger, string tenantId, string templateId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Workflow {WorkflowId} of tenant {TenantId} saved (revision {Revision})")]
    private static partial void LogWorkflowSaved(ILogger logger, string tenantId, string workflowId, long revision);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Workflow {WorkflowId} of tenant {TenantId} deleted (revision {Revision})")]
    private static partial void LogWorkflowDeleted(ILogger logger, string tenantId, string workflowId, long revision);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Tenant {TenantId} could not ask for a re-plan of revision {Revision}; "
            + "its customers re-plan at their next reminder")]
    private static partial void LogReplanNotRequested(
        ILogger logger,
        Exception exception,
        string tenantId,
        long revision);
}
