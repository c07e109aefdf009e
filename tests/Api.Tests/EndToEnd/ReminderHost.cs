using System.Globalization;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing.Postgres;
using Mimo.Testing.Smtp;

namespace Mimo.Api.Tests.EndToEnd;

/// <summary>
/// The real API with its embedded silo, sending over SMTP to a test server: in memory, or on a
/// fresh PostgreSQL database when <see cref="UsesPostgres"/>. Shared by the tests of one class.
/// </summary>
public abstract class ReminderHost : IAsyncLifetime
{
    private TestDatabase? _database;

    public TestSmtpServer Smtp { get; private set; } = null!;

    public ApiHost Api { get; private set; } = null!;

    protected abstract bool UsesPostgres { get; }

    public async Task InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = Smtp.Host,
            ["Smtp:Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        };
        if (UsesPostgres)
        {
            _database = await TestDatabase.CreateAsync(migrated: false);
            settings["ConnectionStrings:Postgres"] = _database.ConnectionString;
        }

        Api = await ApiHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Smtp.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>The embedded default: memory for state, reminders and read models.</summary>
public sealed class InMemoryReminderHost : ReminderHost
{
    protected override bool UsesPostgres => false;
}

/// <summary>Durable: state, reminders, directory and activity log in PostgreSQL.</summary>
public sealed class PostgresReminderHost : ReminderHost
{
    protected override bool UsesPostgres => true;
}
