using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing.Postgres;
using Xunit.Abstractions;

namespace Mimo.Api.Tests.Reliability;

/// <summary>
/// PostgreSQL stops for 30 seconds while clients write, pay and read through the API: in front of
/// a durable cluster (two silo processes, the API in client mode) with customers' reminders due in
/// the middle of it, and with the API hosting its own silo.
/// </summary>
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    private const int Clients = 4;
    private const int DueCustomers = 20;

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How far ahead the reminders are set up, so that setting them up is done before the outage.</summary>
    private static readonly TimeSpan SetupLead = TimeSpan.FromSeconds(40);

    /// <summary>How long after the database stops the reminders fall due.</summary>
    private static readonly TimeSpan DueIntoTheOutage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task DatabaseDown30sUnderLoad_Answers503_KeepsEveryAcknowledgedWrite_SendsEachDueReminderOnce()
    {
        await using var cluster = await DurableCluster.StartAsync(ReminderPeriod);
        var tenant = await cluster.NewTenantAsync("Outage Billing");
        var sendAt = await SendSoonAsync(tenant);
        var addresses = await DueCustomersAsync(tenant, sendAt);
        var traffic = new WriteTraffic(tenant, Clients);
        await traffic.PrepareAsync();
        using var stop = new CancellationTokenSource();
        var running = traffic.RunAsync(stop.Token);

        await WaitUntilAsync(sendAt - DueIntoTheOutage);
        await cluster.StopDatabaseAsync();
        var down = DateTimeOffset.UtcNow;
        await Task.Delay(Outage);
        await cluster.StartDatabaseAsync();
        var up = DateTimeOffset.UtcNow;
        traffic.RestartCleanCount();
        await traffic.WaitForCleanRoundsAsync(5, RecoveryTimeout);
        await stop.CancelAsync();
        await running;
        var allSent = await EveryDueCustomerReachedAsync(tenant, cluster, addresses);

        var answers = traffic.Answers;
        Report(answers, traffic, down, up, allSent);
        if (answers.Any(a => !a.IsSuccess && !a.IsUnavailable))
        {
            output.WriteLine(FirstUnexpectedError(cluster.Api.Output));
        }

        Assert.Empty(answers.Where(a => !a.IsSuccess && !a.IsUnavailable).Take(20));
        Assert.Contains(answers, a => a.IsUnavailable && a.At > down && a.At < up);
        Assert.DoesNotContain(answers, a => a.IsUnavailable && !a.RetryAfter);
        Assert.Empty(await traffic.MissingWritesAsync());
        Assert.All(cluster.Silos, silo => Assert.False(silo.HasExited, $"{silo.Name} exited:\n{silo.Output}"));
        var messages = cluster.Smtp.Messages;
        Assert.Equal(DueCustomers, messages.Count);
        Assert.Equal(DueCustomers, messages.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.Equal(addresses.Order(), messages.SelectMany(m => m.EnvelopeRecipients).Order());
    }

    [Fact]
    public async Task EmbeddedRole_DatabaseDown30sUnderLoad_Answers503_AndKeepsEveryAcknowledgedWrite()
    {
        await using var server = await PostgresServer.StartDedicatedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
        });
        var traffic = new WriteTraffic(await host.NewTenantAsync(), Clients);
        await traffic.PrepareAsync();
        using var stop = new CancellationTokenSource();
        var running = traffic.RunAsync(stop.Token);

        await traffic.WaitForCleanRoundsAsync(5, RecoveryTimeout);
        await server.StopAsync();
        var down = DateTimeOffset.UtcNow;
        await Task.Delay(Outage);
        await server.StartAsync();
        var up = DateTimeOffset.UtcNow;
        traffic.RestartCleanCount();
        await traffic.WaitForCleanRoundsAsync(5, RecoveryTimeout);
        await stop.CancelAsync();
        await running;

        var answers = traffic.Answers;
        Report(answers, traffic, down, up, allSent: null);
        Assert.Empty(answers.Where(a => !a.IsSuccess && !a.IsUnavailable).Take(20));
        Assert.Contains(answers, a => a.IsUnavailable && a.At > down && a.At < up);
        Assert.DoesNotContain(answers, a => a.IsUnavailable && !a.RetryAfter);
        Assert.Empty(await traffic.MissingWritesAsync());
    }

    /// <summary>
    /// Every customer follows a workflow whose only step is the due date; the tenant's send time is
    /// the first whole minute at least <see cref="SetupLead"/> from now. Returns that instant.
    /// </summary>
    private static async Task<DateTimeOffset> SendSoonAsync(TenantClient tenant)
    {
        var now = await ReminderSetup.AwayFromMidnightAsync();
        var earliest = now + SetupLead;
        var wholeMinute = earliest.AddTicks(-(earliest.Ticks % TimeSpan.TicksPerMinute));
        var sendAt = wholeMinute.AddMinutes(1);
        await tenant.CreateWorkflowAsync("default", ("Due", 0));
        var settings = new
        {
            timeZone = "UTC",
            businessDays = ReminderSetup.AllDays,
            sendTime = sendAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            defaultReminderMode = "custom",
        };
        await (await tenant.Http.PatchAsJsonAsync("/v1/tenant", settings)).JsonAsync(HttpStatusCode.OK);
        return sendAt;
    }

    /// <summary>Customers with an invoice due today, each with a reminder at <paramref name="sendAt"/>.</summary>
    private static async Task<List<string>> DueCustomersAsync(TenantClient tenant, DateTimeOffset sendAt)
    {
        var addresses = new List<string>();
        var today = DateOnly.FromDateTime(sendAt.UtcDateTime);
        for (var i = 0; i < DueCustomers; i++)
        {
            var email = $"due{i}@customer.test";
            await tenant.PutCustomerAsync($"due-{i}", new { name = $"Due {i}", contacts = new[] { new { email } } });
            await tenant.PutInvoiceAsync($"due-{i}", "INV-1", $"D-{i}", 100m + i, today);
            var next = Assert.Single(await tenant.ScheduleAsync($"due-{i}"));
            Assert.Equal(sendAt, next.GetProperty("sendAt").GetDateTimeOffset());
            addresses.Add(email);
        }

        Assert.True(
            DateTimeOffset.UtcNow < sendAt - DueIntoTheOutage,
            "Setting up took so long that the reminders are due before the outage.");
        return addresses;
    }

    /// <summary>Waits until every due customer got its email and delivery reported it; returns when that was.</summary>
    private static async Task<DateTimeOffset> EveryDueCustomerReachedAsync(
        TenantClient tenant,
        DurableCluster cluster,
        List<string> addresses)
    {
        var deadline = DateTimeOffset.UtcNow + RecoveryTimeout;
        while (addresses.Except(cluster.Smtp.Messages.SelectMany(m => m.EnvelopeRecipients)).ToList() is
               { Count: > 0 } missing)
        {
            Assert.True(
                DateTimeOffset.UtcNow < deadline,
                $"{missing.Count} due customers got no email:\n{cluster.Output()}");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        var reached = DateTimeOffset.UtcNow;
        for (var i = 0; i < DueCustomers; i++)
        {
            await tenant.WaitForActivityAsync($"due-{i}", "sent");
        }

        return reached;
    }

    /// <summary>The first request the API answered 500, with its exception, for the failure message.</summary>
    private static string FirstUnexpectedError(string log)
    {
        var lines = log.Split('\n');
        var start = Array.FindIndex(lines, l => l.Contains("failed unexpectedly", StringComparison.Ordinal));
        return start < 0 ? "The API logged no unexpected failure." : string.Join('\n', lines.Skip(start - 1).Take(40));
    }

    private static async Task WaitUntilAsync(DateTimeOffset instant)
    {
        var wait = instant - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    private void Report(
        IReadOnlyList<TrafficAnswer> answers,
        WriteTraffic traffic,
        DateTimeOffset down,
        DateTimeOffset up,
        DateTimeOffset? allSent)
    {
        var firstSuccess = answers.Where(a => a.At > up && a.IsSuccess).Min(a => a.At);
        var lastFailure = answers.Where(a => !a.IsSuccess).Select(a => a.At).DefaultIfEmpty(up).Max();
        var (invoices, payments) = traffic.Acknowledged;
        output.WriteLine($"{answers.Count} requests: " + string.Join(", ", answers
            .GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}x {g.Key}")));
        output.WriteLine($"acknowledged: {invoices} invoices, {payments} payments");
        output.WriteLine($"database down for {(up - down).TotalSeconds:F1} s");
        output.WriteLine($"first 2xx {(firstSuccess - up).TotalSeconds:F1} s after the database was back, " +
            $"last failure at {(lastFailure - up).TotalSeconds:F1} s");
        if (allSent is { } sent)
        {
            output.WriteLine($"every due reminder out {(sent - up).TotalSeconds:F1} s after the database was back");
        }

        foreach (var answer in answers.Where(a => !a.IsSuccess && !a.IsUnavailable).Take(20))
        {
            output.WriteLine(answer.ToString());
        }
    }
}
