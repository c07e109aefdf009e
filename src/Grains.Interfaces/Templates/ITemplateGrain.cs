using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Interfaces.Templates;

/// <summary>
/// The content of one template of one tenant, keyed <c>"{tenantId}/{templateId}"</c> (see
/// <see cref="Customers.CustomerKey"/> for the format). Bodies live here rather than in the tenant
/// grain, so that the tenant's state stays small however many templates it has. Create, replace
/// and delete go through <see cref="Tenants.ITenantGrain"/>, which keeps the list and knows which
/// workflows use a template.
/// </summary>
[Alias("mimo.ITemplateGrain")]
public interface ITemplateGrain : IGrainWithStringKey
{
    /// <summary>The template, or null when there is none.</summary>
    [Alias("GetAsync")]
    Task<MessageTemplate?> GetAsync();

    /// <summary>Creates (<see cref="ResultStatus.Created"/>) or replaces the template.</summary>
    [Alias("SaveAsync")]
    Task<GrainResult<MessageTemplate>> SaveAsync(TemplateContent content);

    /// <summary>Deletes the template; false when there was none.</summary>
    [Alias("DeleteAsync")]
    Task<bool> DeleteAsync();
}
