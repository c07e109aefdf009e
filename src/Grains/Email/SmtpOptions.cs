using Microsoft.Extensions.Options;

namespace Mimo.Grains.Email;

/// <summary>
/// Where reminder emails go (configuration section <c>Smtp</c>). With no <see cref="Host"/>,
/// emails are written as <c>.eml</c> files into <see cref="PickupDirectory"/> instead of being sent.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    /// <summary>The SMTP server's host name; null or empty writes emails to the pickup directory.</summary>
    public string? Host { get; set; }

    /// <summary>The SMTP server's port. Default 587 (submission with STARTTLS when offered).</summary>
    public int Port { get; set; } = 587;

    /// <summary>The user name to authenticate with; null sends without authentication.</summary>
    public string? UserName { get; set; }

    /// <summary>The password for <see cref="UserName"/>. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The folder <c>.eml</c> files are written to when no host is set. Default <c>data/outbox</c>.</summary>
    public string PickupDirectory { get; set; } = "data/outbox";

    /// <summary>
    /// How to secure the connection. Default <see cref="SmtpSecurity.Auto"/>: TLS on connect for
    /// port 465, otherwise STARTTLS when the server offers it and plain text when it does not.
    /// </summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>
    /// The most connections kept open to the server, and so the most emails sent at once.
    /// Connections are reused across emails. Default 4, from 1 to 64.
    /// </summary>
    public int MaxConnections { get; set; } = 4;

    /// <summary>
    /// The most emails being delivered at once: asked of their customer, rendered, sent and
    /// reported back. Only <see cref="MaxConnections"/> of them talk to the server at a time; the
    /// others are being prepared or reported, which costs database round trips rather than SMTP
    /// time. It is also the most emails a silo that dies can leave sent but not yet reported (each
    /// sent again later, with the same Message-ID). Default 16, from 1 to 256.
    /// </summary>
    public int MaxDeliveriesInFlight { get; set; } = 16;

    /// <summary>
    /// How many emails per second one tenant may send; a busy tenant waits, the others do not.
    /// Default 10; must be more than 0.
    /// </summary>
    public double MaxMessagesPerSecondPerTenant { get; set; } = 10;

    /// <summary>
    /// How long one SMTP step (connecting, a command, the message) may take before the attempt
    /// fails as transient. Default 30 seconds; from 1 second to 10 minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when emails go to an SMTP server rather than the pickup directory.</summary>
    public bool UsesServer => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>TLS on connect for port 465; otherwise STARTTLS when offered, plain when not.</summary>
    Auto = 0,

    /// <summary>Never encrypt (a local relay or test server).</summary>
    None = 1,

    /// <summary>Require STARTTLS; fail when the server does not offer it.</summary>
    StartTls = 2,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect = 3,
}

/// <summary>Rejects <see cref="SmtpOptions"/> that cannot work, so a bad setting stops start-up.</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public const int MaxConnectionsLimit = 64;

    public const int MaxDeliveriesInFlightLimit = 256;

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(SmtpOptions options)
    {
        if (options.Port is < 1 or > 65535)
        {
            yield return $"Smtp:Port must be between 1 and 65535 (was {options.Port}).";
        }

        if (options.MaxConnections is < 1 or > MaxConnectionsLimit)
        {
            yield return
                $"Smtp:MaxConnections must be between 1 and {MaxConnectionsLimit} (was {options.MaxConnections}).";
        }

        if (options.MaxDeliveriesInFlight is < 1 or > MaxDeliveriesInFlightLimit)
        {
            yield return $"Smtp:MaxDeliveriesInFlight must be between 1 and {MaxDeliveriesInFlightLimit} "
                + $"(was {options.MaxDeliveriesInFlight}).";
        }

        if (!(options.MaxMessagesPerSecondPerTenant > 0) || double.IsInfinity(options.MaxMessagesPerSecondPerTenant))
        {
            yield return "Smtp:MaxMessagesPerSecondPerTenant must be a number greater than 0.";
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(10))
        {
            yield return $"Smtp:Timeout must be between 00:00:01 and 00:10:00 (was {options.Timeout}).";
        }

        if (!Enum.IsDefined(options.Security))
        {
            yield return "Smtp:Security must be Auto, None, StartTls or SslOnConnect.";
        }

        if (!options.UsesServer && string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            yield return "Smtp:PickupDirectory is required when Smtp:Host is not set.";
        }

        if (options.UsesServer && !string.IsNullOrEmpty(options.UserName) && options.Password is null)
        {
            yield return "Smtp:Password is required when Smtp:UserName is set.";
        }
    }
}
