using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Interfaces.Workflows;

namespace Mimo.Grains.Tenants;

/// <summary>
/// The persisted state of a tenant: its settings, the hashes of its API keys, the list of its
/// templates (their bodies live in template grains) and its workflows.
/// </summary>
[GenerateSerializer, Alias("mimo.TenantState")]
public sealed class TenantState
{
    /// <summary>Null until the tenant is created.</summary>
    [Id(0)]
    public TenantSettings? Settings { get; set; }

    [Id(1)]
    public List<ApiKeyHash> ApiKeys { get; set; } = [];

    /// <summary>The tenant's templates by id, without their bodies.</summary>
    [Id(2)]
    public Dictionary<string, TemplateSummary> Templates { get; set; } = [];

    [Id(3)]
    public Dictionary<string, Workflow> Workflows { get; set; } = [];

    /// <summary>
    /// Grows with every change to the send settings or the workflows, so that customers can tell
    /// whether the plan they made is current. Template changes do not count: bodies are read at
    /// the moment of sending.
    /// </summary>
    [Id(4)]
    public long Revision { get; set; }

    public bool Exists => Settings is not null;
}
