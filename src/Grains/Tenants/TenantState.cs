using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Grains.Tenants;

/// <summary>The persisted state of a tenant: its settings and the hashes of its API keys.</summary>
[GenerateSerializer, Alias("mimo.TenantState")]
public sealed class TenantState
{
    /// <summary>Null until the tenant is created.</summary>
    [Id(0)]
    public TenantSettings? Settings { get; set; }

    [Id(1)]
    public List<ApiKeyHash> ApiKeys { get; set; } = [];
}
