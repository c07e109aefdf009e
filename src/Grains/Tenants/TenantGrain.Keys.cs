using Microsoft.Extensions.Logging;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Grains.Tenants;

/// <summary>API keys: added, listed and revoked. Keys are checked against the stored hashes on every request, so a revoked key stops working at once.</summary>
internal sealed partial class TenantGrain
{
    /// <summary>The most keys a tenant may have at once (enough to rotate them per system).</summary>
    public const int MaxKeys = 20;

    public async Task<GrainResult<ApiKeyInfo>> AddKeyAsync(ApiKeyHash key)
    {
        if (!Tenant.Exists)
        {
            return NoSuchTenant<ApiKeyInfo>();
        }

        if (Tenant.ApiKeys.Count >= MaxKeys)
        {
            return GrainResult<ApiKeyInfo>.Conflict($"The tenant already has {MaxKeys} keys, the most it may have: revoke one first.");
        }

        Tenant.ApiKeys.Add(key);
        await WriteAsync();

        LogKeyAdded(logger, TenantId, key.KeyId);
        return GrainResult<ApiKeyInfo>.Created(Info(key));
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync() =>
        Task.FromResult<IReadOnlyList<ApiKeyInfo>>(Tenant.Exists ? Tenant.ApiKeys.Select(Info).ToList() : []);

    public async Task<GrainResult<ApiKeyInfo>> RevokeKeyAsync(string keyId)
    {
        var key = Tenant.ApiKeys.Find(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));
        if (!Tenant.Exists || key is null)
        {
            return GrainResult<ApiKeyInfo>.NotFound("There is no such key.");
        }

        if (Tenant.ApiKeys.Count == 1)
        {
            return GrainResult<ApiKeyInfo>.Conflict("This is the tenant's last key: add another before revoking it.");
        }

        Tenant.ApiKeys.Remove(key);
        await WriteAsync();

        LogKeyRevoked(logger, TenantId, keyId);
        return GrainResult<ApiKeyInfo>.Ok(Info(key));
    }

    private static ApiKeyInfo Info(ApiKeyHash key) => new(key.KeyId, key.CreatedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} of tenant {TenantId} added")]
    private static partial void LogKeyAdded(ILogger logger, string tenantId, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {KeyId} of tenant {TenantId} revoked")]
    private static partial void LogKeyRevoked(ILogger logger, string tenantId, string keyId);
}
