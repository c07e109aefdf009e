using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Interfaces.Workflows;

namespace Mimo.Grains.Interfaces.Tenants;

/// <summary>
/// A tenant, keyed by its id: settings, API key hashes, workflows and the list of its templates
/// (their bodies live in <see cref="ITemplateGrain"/>s). Secrets never reach the grain; callers
/// hash a presented key and ask whether the hash is one of the tenant's. Every change to the
/// settings or the workflows re-plans the tenant's affected customers in the background.
/// </summary>
[Alias("mimo.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>Creates the tenant with its first key; Conflict when it already exists.</summary>
    [Alias("CreateAsync")]
    Task<GrainResult<TenantSettings>> CreateAsync(NewTenant tenant, ApiKeyHash firstKey);

    /// <summary>The settings, or null when the tenant does not exist.</summary>
    [Alias("GetSettingsAsync")]
    Task<TenantSettings?> GetSettingsAsync();

    [Alias("UpdateSettingsAsync")]
    Task<GrainResult<TenantSettings>> UpdateSettingsAsync(TenantSettingsPatch patch);

    /// <summary>Whether the key id names a live key of this tenant whose secret hashes to this value.</summary>
    [Alias("IsKeyValidAsync")]
    Task<bool> IsKeyValidAsync(string keyId, byte[] secretHash);

    /// <summary>Adds an API key (its hash); Conflict when the tenant has the most keys it may have.</summary>
    [Alias("AddKeyAsync")]
    Task<GrainResult<ApiKeyInfo>> AddKeyAsync(ApiKeyHash key);

    /// <summary>The tenant's keys, oldest first; empty when the tenant does not exist.</summary>
    [Alias("ListKeysAsync")]
    Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync();

    /// <summary>
    /// Revokes a key: it stops working at once. NotFound when there is no such key; Conflict for
    /// the tenant's last key, which would lock it out.
    /// </summary>
    [Alias("RevokeKeyAsync")]
    Task<GrainResult<ApiKeyInfo>> RevokeKeyAsync(string keyId);

    /// <summary>Settings and workflows, for customer grains to plan with; null when the tenant does not exist.</summary>
    [Alias("GetReminderContextAsync")]
    Task<ReminderContext?> GetReminderContextAsync();

    /// <summary>
    /// Creates or replaces a template after checking it is not empty; <paramref name="mustBeNew"/>
    /// answers Conflict for an id that exists (POST), otherwise Created or Ok (PUT).
    /// </summary>
    [Alias("SaveTemplateAsync")]
    Task<GrainResult<MessageTemplate>> SaveTemplateAsync(string templateId, TemplateContent content, bool mustBeNew);

    [Alias("ListTemplatesAsync")]
    Task<IReadOnlyList<TemplateSummary>> ListTemplatesAsync();

    /// <summary>Deletes a template: NotFound when there is none, Conflict while a workflow uses it.</summary>
    [Alias("DeleteTemplateAsync")]
    Task<GrainResult<TemplateSummary>> DeleteTemplateAsync(string templateId);

    /// <summary>
    /// Creates or replaces a workflow. Invalid when a step names a template that does not exist;
    /// <paramref name="mustBeNew"/> answers Conflict for an id that exists (POST).
    /// </summary>
    [Alias("SaveWorkflowAsync")]
    Task<GrainResult<Workflow>> SaveWorkflowAsync(string workflowId, WorkflowDefinition definition, bool mustBeNew);

    [Alias("GetWorkflowAsync")]
    Task<Workflow?> GetWorkflowAsync(string workflowId);

    /// <summary>The workflows, highest priority first.</summary>
    [Alias("ListWorkflowsAsync")]
    Task<IReadOnlyList<Workflow>> ListWorkflowsAsync();

    /// <summary>
    /// Deletes a workflow; customers that named it follow the audience rules from then on.
    /// NotFound when there is none.
    /// </summary>
    [Alias("DeleteWorkflowAsync")]
    Task<GrainResult<Workflow>> DeleteWorkflowAsync(string workflowId);
}
