using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing.Network;
using Mimo.Testing.Postgres;
using Mimo.Testing.Processes;
using Mimo.Testing.Smtp;
using Xunit.Abstractions;

namespace Mimo.Api.Tests.EndToEnd;

/// <summary>
/// A durable cluster on loopback: PostgreSQL, an SMTP server, two silo processes and the API in
/// client mode. Hundreds of customers have a reminder due at once; one silo goes away while the
/// emails are being sent; every email must still arrive.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Customers = 300;

    /// <summary>
    /// What SMTP cannot prevent when a silo dies: emails the server accepted whose delivery report
    /// never reached the customer are sent again; at most one per delivery in flight on the dead
    /// silo (<c>Smtp:MaxDeliveriesInFlight</c>, 16 by default).
    /// </summary>
    private const int DuplicatesAllowedAfterAKill = 16;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(4);

    private readonly string _clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];
    private readonly Uri _apiAddress = new($"http://127.0.0.1:{FreeTcpPort.Next()}");
    private TestDatabase _database = null!;
    private TestSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _smtp = await TestSmtpServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ASiloKilledWhileSending_EveryEmailStillArrives_WithOnlyTheDuplicatesSmtpCannotPrevent()
    {
        await using var first = await StartSiloAsync("silo-a");
        await using var second = await StartSiloAsync("silo-b");
        await using var api = await StartApiAsync();
        var addresses = await DueCustomersAsync();

        await _smtp.WaitForMessagesAsync(Customers / 10, DeliveryTimeout);
        await first.KillAsync();
        var duplicates = await EveryCustomerReachedAsync(addresses);

        output.WriteLine($"{_smtp.Messages.Count} emails for {Customers} customers: {duplicates} duplicate Message-IDs after SIGKILL.");
        Assert.InRange(duplicates, 0, DuplicatesAllowedAfterAKill);
    }

    [Fact]
    public async Task ASiloStoppedGracefullyWhileSending_LosesNothing_AndSendsNothingTwice()
    {
        await using var first = await StartSiloAsync("silo-a");
        await using var second = await StartSiloAsync("silo-b");
        await using var api = await StartApiAsync();
        var addresses = await DueCustomersAsync();

        await _smtp.WaitForMessagesAsync(Customers / 10, DeliveryTimeout);
        await first.StopAsync();
        var duplicates = await EveryCustomerReachedAsync(addresses);

        output.WriteLine($"{_smtp.Messages.Count} emails for {Customers} customers: {duplicates} duplicate Message-IDs after SIGTERM.");
        Assert.Equal(0, duplicates);
        Assert.Equal(Customers, _smtp.Messages.Count);
    }

    /// <summary>A tenant whose step falls due now, and its customers with an invoice each, imported at once.</summary>
    private async Task<HashSet<string>> DueCustomersAsync()
    {
        using var operatorClient = Client(ReadmeWalkthrough.OperatorKey);
        var created = await (await operatorClient.PostAsJsonAsync("/v1/tenants", new
        {
            name = "Failover Billing",
            sender = new { name = "Failover Billing", email = "billing@failover.test" },
        })).JsonAsync(HttpStatusCode.Created);
        var tenant = new TenantClient(created.Text("id"), created.Text("apiKey"), Client(created.Text("apiKey")));
        var (today, _) = await tenant.SendNowAsync();
        await tenant.CreateWorkflowAsync("default", ("Due", 0));
        await (await tenant.Http.PatchAsJsonAsync("/v1/tenant", new { defaultReminderMode = "custom" })).JsonAsync(HttpStatusCode.OK);

        var lines = new StringBuilder();
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Customers; i++)
        {
            var email = $"c{i}@customer.test";
            addresses.Add(email);
            lines.AppendLine(JsonSerializer.Serialize(new { type = "customer", id = $"c{i}", name = $"Customer {i}", contacts = new[] { new { email } } }));
            lines.AppendLine(JsonSerializer.Serialize(new
            {
                type = "invoice",
                customerId = $"c{i}",
                id = "INV-1",
                issueDate = Day(today.AddDays(-30)),
                dueDate = Day(today),
                currency = "EUR",
                amount = 100m + i,
            }));
        }

        var import = await tenant.Http.PostAsync("/v1/import", new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson"));
        var report = await import.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Customers * 2, report.GetProperty("accepted").GetInt32());
        return addresses;
    }

    /// <summary>Waits until every customer got its email; returns how many emails came more than once.</summary>
    private async Task<int> EveryCustomerReachedAsync(HashSet<string> addresses)
    {
        var deadline = DateTime.UtcNow + DeliveryTimeout;
        while (addresses.Except(_smtp.Messages.SelectMany(m => m.EnvelopeRecipients)).Count() is var missing && missing > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{missing} customers got no email within {DeliveryTimeout}.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        var messages = _smtp.Messages;
        return messages.Count - messages.Select(m => m.Message.MessageId).Distinct().Count();
    }

    private Task<ServiceProcess> StartSiloAsync(string name)
    {
        var environment = LoopbackProcesses.Silo(_database.ConnectionString, _clusterId, name).WithSmtp(_smtp);
        environment["Reminders__ReminderPeriod"] = "00:00:10";
        environment["Reminders__DeliveryReportTimeout"] = "00:00:20";
        return LoopbackProcesses.StartAsync("Mimo.Silo", environment, StartTimeout);
    }

    private Task<ServiceProcess> StartApiAsync() =>
        LoopbackProcesses.StartAsync(
            "Mimo.Api",
            LoopbackProcesses.ClientApi(_database.ConnectionString, _clusterId, ReadmeWalkthrough.OperatorKey),
            StartTimeout,
            "--urls",
            _apiAddress.ToString());

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = _apiAddress, Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
