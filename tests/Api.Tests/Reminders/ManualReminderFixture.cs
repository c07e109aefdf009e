using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing.Smtp;

namespace Mimo.Api.Tests.Reminders;

/// <summary>
/// The real API with its embedded silo, sending to a real SMTP server over the network. Shared by
/// the manual reminder tests; each test makes its own tenant and customers with fresh ids, so the
/// emails of one test are told from the others' by their recipients.
/// </summary>
public sealed class ManualReminderFixture : IAsyncLifetime
{
    public ApiHost Host { get; private set; } = null!;

    public TestSmtpServer Smtp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        Host = await ApiHost.StartAsync(SmtpSettings(Smtp));
    }

    /// <summary>Settings that make the API send to <paramref name="smtp"/>, fast enough for big batches.</summary>
    public static Dictionary<string, string?> SmtpSettings(TestSmtpServer smtp) => new()
    {
        ["Smtp:Host"] = smtp.Host,
        ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:MaxMessagesPerSecondPerTenant"] = "1000",
    };

    /// <summary>A fresh tenant and the world of one test around it.</summary>
    public async Task<ManualWorld> NewWorldAsync(string? timeZone = "Europe/Berlin") =>
        new(await Host.NewTenantAsync("Acme Billing", timeZone), Smtp);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ManualReminderCollection : ICollectionFixture<ManualReminderFixture>
{
    public const string Name = "manual-reminders";
}
