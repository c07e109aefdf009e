using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Grains.Tenants;

/// <summary>A tenant: settings and API key hashes. It never sees a key's secret.</summary>
[GrainType("tenant")]
internal sealed partial class TenantGrain(
    [PersistentState("tenant", StorageNames.GrainStorage)] IPersistentState<TenantState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<TenantGrain> logger) : Grain, ITenantGrain
{
    public async Task<GrainResult<TenantSettings>> CreateAsync(NewTenant tenant, ApiKeyHash firstKey)
    {
        if (state.State.Settings is not null)
        {
            return GrainResult<TenantSettings>.Conflict("The tenant already exists.");
        }

        var tenantId = this.GetPrimaryKeyString();
        state.State.Settings = TenantDefaults.For(tenantId, tenant, clock.GetUtcNow());
        state.State.ApiKeys.Add(firstKey);
        await WriteAsync();

        LogTenantCreated(logger, tenantId, firstKey.KeyId);
        return GrainResult<TenantSettings>.Created(state.State.Settings);
    }

    public Task<TenantSettings?> GetSettingsAsync() => Task.FromResult(state.State.Settings);

    public async Task<GrainResult<TenantSettings>> UpdateSettingsAsync(TenantSettingsPatch patch)
    {
        if (state.State.Settings is not { } settings)
        {
            return GrainResult<TenantSettings>.NotFound("There is no such tenant.");
        }

        state.State.Settings = TenantDefaults.Apply(settings, patch);
        await WriteAsync();

        LogSettingsChanged(logger, this.GetPrimaryKeyString());
        return GrainResult<TenantSettings>.Ok(state.State.Settings);
    }

    public Task<bool> IsKeyValidAsync(string keyId, byte[] secretHash)
    {
        var valid = false;
        foreach (var key in state.State.ApiKeys)
        {
            // Every stored key is compared, each in constant time, so timing tells nothing.
            var sameId = string.Equals(key.KeyId, keyId, StringComparison.Ordinal);
            var sameSecret = CryptographicOperations.FixedTimeEquals(key.SecretHash, secretHash);
            valid |= sameId & sameSecret;
        }

        return Task.FromResult(valid && state.State.Settings is not null);
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
