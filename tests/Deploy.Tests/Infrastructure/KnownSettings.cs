using System.Reflection;
using Mimo.Api.Auth;
using Mimo.Grains.Email;
using Mimo.Silo.Hosting;

namespace Mimo.Deploy.Tests.Infrastructure;

/// <summary>
/// The environment variable names Mimo reads, taken from its settings classes, so that a
/// misspelt name in a manifest (which the process would silently ignore) fails a test.
/// </summary>
public static class KnownSettings
{
    /// <summary>
    /// .NET, ASP.NET Core and OpenTelemetry settings the deployments may set besides Mimo's own.
    /// </summary>
    private static readonly string[] PlatformNames =
    [
        "ASPNETCORE_HTTP_PORTS",
        "ASPNETCORE_URLS",
        "ASPNETCORE_ENVIRONMENT",
        "DOTNET_ENVIRONMENT",
        MimoTelemetry.OtlpEndpointVariable,
    ];

    private static readonly HashSet<string> Names = BuildNames();

    public static bool IsKnown(string environmentName) =>
        Names.Contains(environmentName) || environmentName.StartsWith("Logging__", StringComparison.Ordinal);

    private static HashSet<string> BuildNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            "ConnectionStrings__" + ConfigurationNames.PostgresConnectionString,
        };
        names.UnionWith(Section<ClusterSettings>(ClusterSettings.SectionName));
        names.UnionWith(Section<SiloSettings>(SiloSettings.SectionName));
        names.UnionWith(Section<SmtpOptions>(SmtpOptions.SectionName));
        names.UnionWith(Section<OperatorOptions>(OperatorOptions.SectionName));
        names.UnionWith(Section<DashboardSettings>(DashboardSettings.SectionName));
        names.UnionWith(PlatformNames);
        return names;
    }

    private static IEnumerable<string> Section<TSettings>(string section) =>
        typeof(TSettings)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod?.IsPublic == true)
            .Select(property => $"{section}__{property.Name}");
}
