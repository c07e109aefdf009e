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

    /// <summary>True when emails go to an SMTP server rather than the pickup directory.</summary>
    public bool UsesServer => !string.IsNullOrWhiteSpace(Host);
}
