using System.Globalization;

namespace Mimo.Benchmarks.Hosting;

/// <summary>
/// The silo's <c>Smtp</c> settings for a benchmark: the sink on loopback, no TLS, the default
/// connection count, and a per-tenant rate so high that it never holds an email back (all the
/// benchmark's emails belong to one tenant).
/// </summary>
internal sealed record SmtpSettings(int Port)
{
    /// <summary><c>Smtp:MaxConnections</c>: the engine's default, and the bare MailKit loop's connections.</summary>
    public const int MaxConnections = 4;

    /// <summary><c>Smtp:MaxMessagesPerSecondPerTenant</c>: far above anything this machine can send.</summary>
    public const double MaxMessagesPerSecondPerTenant = 1_000_000;

    public void AddTo(IDictionary<string, string?> environment)
    {
        environment["Smtp__Host"] = "127.0.0.1";
        environment["Smtp__Port"] = Port.ToString(CultureInfo.InvariantCulture);
        environment["Smtp__Security"] = "None";
        environment["Smtp__MaxConnections"] = MaxConnections.ToString(CultureInfo.InvariantCulture);
        environment["Smtp__MaxMessagesPerSecondPerTenant"] =
            MaxMessagesPerSecondPerTenant.ToString(CultureInfo.InvariantCulture);
    }
}
