using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Mimo.Silo.Hosting;

/// <summary>
/// Default log levels that keep the console readable for an operator: Mimo's own messages, a
/// silo starting, stopping and seeing others join or leave, and the runtime's warnings. They are
/// the lowest-priority configuration source, so <c>Logging__LogLevel__…</c> settings override them.
/// </summary>
public static class LoggingDefaults
{
    private static readonly Dictionary<string, string?> Levels = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Warning",
        ["Logging:LogLevel:Orleans.Runtime.Silo"] = "Information",
        ["Logging:LogLevel:Orleans.Runtime.SiloOptionsLogger"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
        ["Logging:LogLevel:Orleans.Runtime.MembershipService.MembershipTableManager"] = "Information",
    };

    public static void AddLoggingDefaults(this IConfigurationManager configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
}
