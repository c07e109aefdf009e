using Mimo.Api.Tests.Infrastructure;
using Mimo.Api.Tests.Reminders;
using Mimo.Testing.Smtp;

namespace Mimo.Api.Tests.Telemetry;

/// <summary>
/// The real API with its embedded silo, sending to a real SMTP server, with in-memory exporters
/// beside its OpenTelemetry pipeline. Its tests make their own tenants and tell their measurements
/// apart by the <c>tenant</c> tag, or their spans by trace. OpenTelemetry listens to meters and
/// activity sources by name, across every host in the process, so the collection runs alone:
/// measurements without a tenant (SMTP durations) are then this API's, and a test may make the
/// SMTP server fail for a while.
/// </summary>
public sealed class TelemetryFixture : IAsyncLifetime
{
    public ExportedTelemetry Telemetry { get; } = new();

    public ApiHost Host { get; private set; } = null!;

    public TestSmtpServer Smtp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        Host = await ApiHost.StartAsync(ManualReminderFixture.SmtpSettings(Smtp), Telemetry.AddTo);
        Telemetry.Attach(Host.Services);
    }

    public async Task<ManualWorld> NewWorldAsync() => new(await Host.NewTenantAsync(), Smtp);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryFixture>
{
    public const string Name = "telemetry";
}
