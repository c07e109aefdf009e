using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Interfaces.Workflows;
using Mimo.Grains.Templates;

namespace Mimo.Grains.Tenants;

/// <summary>
/// The tenant's list of templates. The list decides whether a template exists; the body is
/// written to its template grain before the list, so a failed write leaves at worst a body that
/// is not listed, which repeating the save (or a delete) clears up.
/// </summary>
internal sealed partial class TenantGrain
{
    /// <summary>The most templates a tenant keeps: the list is part of the tenant's state, written whole.</summary>
    public const int MaxTemplates = 500;

    public async Task<GrainResult<MessageTemplate>> SaveTemplateAsync(
        string templateId,
        TemplateContent content,
        bool mustBeNew)
    {
        if (!Tenant.Exists)
        {
            return NoSuchTenant<MessageTemplate>();
        }

        var exists = Tenant.Templates.ContainsKey(templateId);
        if (CheckTemplate(content, exists, mustBeNew) is { } refusal)
        {
            return refusal;
        }

        var saved = (await Template(templateId).SaveAsync(content)).Value!;
        Tenant.Templates[templateId] = Summarize(saved);
        await WriteAsync();

        LogTemplateSaved(logger, TenantId, templateId, saved.Version);
        return exists ? GrainResult<MessageTemplate>.Ok(saved) : GrainResult<MessageTemplate>.Created(saved);
    }

    public Task<IReadOnlyList<TemplateSummary>> ListTemplatesAsync() =>
        Task.FromResult<IReadOnlyList<TemplateSummary>>(
            Tenant.Templates.Values.OrderBy(t => t.Id, StringComparer.Ordinal).ToList());

    public async Task<GrainResult<TemplateSummary>> DeleteTemplateAsync(string templateId)
    {
        if (!Tenant.Exists)
        {
            return NoSuchTenant<TemplateSummary>();
        }

        if (!Tenant.Templates.TryGetValue(templateId, out var summary))
        {
            return await DeleteUnlistedAsync(templateId);
        }

        var users = WorkflowsUsing(templateId);
        if (users.Count > 0)
        {
            return GrainResult<TemplateSummary>.Conflict(InUse(users));
        }

        var bands = Tenant.Settings!.SmartTemplates.Where(t => t.Value == templateId).Select(t => t.Key).ToList();
        if (bands.Count > 0)
        {
            var names = string.Join(", ", bands.Select(b => b.ToString().ToLowerInvariant()));
            return GrainResult<TemplateSummary>.Conflict(
                $"The template is the smart reminder message for {names}: change smartTemplates in the tenant settings first.");
        }

        Tenant.Templates.Remove(templateId);
        await WriteAsync();
        await Template(templateId).DeleteAsync();

        LogTemplateDeleted(logger, TenantId, templateId);
        return GrainResult<TemplateSummary>.Ok(summary);
    }

    /// <summary>Deletes a body whose list entry was never written; NotFound when there is none either.</summary>
    private async Task<GrainResult<TemplateSummary>> DeleteUnlistedAsync(string templateId)
    {
        var template = Template(templateId);
        var unlisted = await template.GetAsync();
        if (unlisted is null || !await template.DeleteAsync())
        {
            return GrainResult<TemplateSummary>.NotFound("There is no such template.");
        }

        LogTemplateDeleted(logger, TenantId, templateId);
        return GrainResult<TemplateSummary>.Ok(Summarize(unlisted));
    }

    private GrainResult<MessageTemplate>? CheckTemplate(TemplateContent content, bool exists, bool mustBeNew)
    {
        if (Blank(content) is { } field)
        {
            return GrainResult<MessageTemplate>.Invalid(field, $"The {field} is required and must not be blank.");
        }

        if (TemplateSyntax.Validate(content) is [var error, ..])
        {
            return GrainResult<MessageTemplate>.Invalid(error.Field, error.Message);
        }

        if (exists && mustBeNew)
        {
            return GrainResult<MessageTemplate>.Conflict(
                "A template with this id already exists: use PUT to replace it.");
        }

        return !exists && Tenant.Templates.Count >= MaxTemplates
            ? GrainResult<MessageTemplate>.Conflict($"A tenant has at most {MaxTemplates} templates: delete one first.")
            : null;
    }

    private static string InUse(IReadOnlyList<Workflow> users)
    {
        var names = string.Join(", ", users.Select(w => $"'{w.Id}' ({w.Definition.Name})"));
        return users.Count == 1
            ? $"The template is used by the workflow {names}: change its steps or delete it first."
            : $"The template is used by the workflows {names}: change their steps or delete them first.";
    }

    private static string? Blank(TemplateContent content) =>
        string.IsNullOrWhiteSpace(content.Name) ? "name"
        : string.IsNullOrWhiteSpace(content.Subject) ? "subject"
        : string.IsNullOrWhiteSpace(content.Html) ? "html"
        : null;

    private static TemplateSummary Summarize(MessageTemplate template) =>
        new(template.Id, template.Content.Name, template.Content.Subject, template.UpdatedAt);
}
