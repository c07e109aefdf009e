using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Interfaces.Tenants;

/// <summary>
/// A tenant, keyed by its id: settings and API key hashes. Secrets never reach the grain;
/// callers hash a presented key and ask whether the hash is one of the tenant's.
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
}
