using Microsoft.Extensions.Logging;

namespace Mimo.Grains.Tenants;

internal sealed partial class TenantGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} created with API key {KeyId}")]
    private static partial void LogTenantCreated(ILogger logger, string tenantId, string keyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settings of tenant {TenantId} changed")]
    private static partial void LogSettingsChanged(ILogger logger, string tenantId);
}
