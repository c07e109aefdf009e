using System.Globalization;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing.Postgres;
using Mimo.Testing.Smtp;
using Npgsql;
using Xunit.Abstractions;

namespace Mimo.Api.Tests.Reliability;

/// <summary>Runs alone, after the other tests, so that the process's memory is the soak's own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak";
}

/// <summary>
/// The API with its embedded silo on PostgreSQL and SMTP under mixed traffic at a steady rate.
/// It runs for <c>MIMO_SOAK_DURATION</c> (90 seconds unless set; <c>00:10:00</c> is the full
/// soak), and the second half must look like the first: no error, no growth of the managed heap
/// beyond a generous factor, no more database connections than the first half needed.
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    public const string DurationVariable = "MIMO_SOAK_DURATION";

    private const int Customers = 100;
    private const int Workers = 4;

    /// <summary>
    /// How much larger the heap may be at the end than at half time: what happens to be in flight
    /// when the GC runs moves it by tens of percent.
    /// </summary>
    private const double HeapGrowthAllowed = 1.5;

    /// <summary>
    /// How many more connections the last samples may have than the first half's most: a pool opens
    /// one more when a burst of requests meets a slow moment.
    /// </summary>
    private const int ConnectionMargin = 3;

    private const int LastSamples = 3;

    private static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task MixedTrafficAtASteadyRate_AnswersEveryRequest_WithMemoryAndConnectionsLevelledOff()
    {
        await using var server = await PostgresServer.StartDedicatedAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await using var smtp = await TestSmtpServer.StartAsync(keepMessages: false);
        await using var host = await ApiHost.StartAsync(Settings(connectionString, smtp));
        var tenant = await host.NewTenantAsync();
        var traffic = new SteadyTraffic(tenant, Customers, Workers, Pace);
        await traffic.PrepareAsync();
        var duration = Duration();
        using var stop = new CancellationTokenSource();
        var running = traffic.RunAsync(stop.Token);

        var (connections, heapAtHalf, heapAtEnd) = await SampleAsync(connectionString, duration);
        await stop.CancelAsync();
        await running;
        var duplicates = await EverySendArrivedAsync(traffic, smtp);

        output.WriteLine($"{duration}: {traffic.Requests} requests, {traffic.SentMessageIds.Count} emails, " +
            $"{traffic.Failures.Count} failures");
        output.WriteLine($"managed heap after a full GC: {Megabytes(heapAtHalf)} MB at half time, " +
            $"{Megabytes(heapAtEnd)} MB at the end");
        output.WriteLine("connections: " + string.Join(' ', connections.Select(c => c.Count)));
        Assert.Empty(traffic.Failures.Take(10));
        Assert.Empty(duplicates);
        Assert.True(
            heapAtEnd <= heapAtHalf * HeapGrowthAllowed,
            $"The heap grew from {Megabytes(heapAtHalf)} MB at half time to {Megabytes(heapAtEnd)} MB at the end.");
        var firstHalfMost = connections.Where(c => c.At <= duration / 2).Max(c => c.Count);
        Assert.All(connections.TakeLast(LastSamples), last => Assert.True(
            last.Count <= firstHalfMost + ConnectionMargin,
            $"{last.Count} connections at {last.At}, {firstHalfMost} at most in the first half."));
    }

    /// <summary><c>MIMO_SOAK_DURATION</c> as a TimeSpan (<c>00:10:00</c>), or the default.</summary>
    private static TimeSpan Duration() =>
        Environment.GetEnvironmentVariable(DurationVariable) is { Length: > 0 } value
            ? TimeSpan.Parse(value, CultureInfo.InvariantCulture)
            : DefaultDuration;

    private static Dictionary<string, string?> Settings(string connectionString, TestSmtpServer smtp) => new()
    {
        ["ConnectionStrings:Postgres"] = connectionString,
        ["Smtp:Host"] = smtp.Host,
        ["Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
    };

    /// <summary>
    /// Counts the database's connections every few seconds, and measures the managed heap after a
    /// full collection at half time and at the end.
    /// </summary>
    private static async Task<(List<ConnectionSample> Connections, long HeapAtHalf, long HeapAtEnd)> SampleAsync(
        string connectionString,
        TimeSpan duration)
    {
        var samples = new List<ConnectionSample>();
        var started = DateTimeOffset.UtcNow;
        long? heapAtHalf = null;
        while (DateTimeOffset.UtcNow - started is var elapsed && elapsed < duration)
        {
            samples.Add(new ConnectionSample(elapsed, await ConnectionsAsync(connectionString)));
            if (heapAtHalf is null && elapsed >= duration / 2)
            {
                heapAtHalf = Heap();
            }

            await Task.Delay(SampleEvery);
        }

        samples.Add(new ConnectionSample(DateTimeOffset.UtcNow - started, await ConnectionsAsync(connectionString)));
        return (samples, heapAtHalf ?? Heap(), Heap());
    }

    /// <summary>Connections to the test database, not counting the one asking (which is not pooled).</summary>
    private static async Task<long> ConnectionsAsync(string connectionString)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Waits until every accepted send arrived; returns the Message-IDs that arrived more than once.</summary>
    private static async Task<List<string>> EverySendArrivedAsync(SteadyTraffic traffic, TestSmtpServer smtp)
    {
        var deadline = DateTimeOffset.UtcNow + DeliveryTimeout;
        while (traffic.SentMessageIds.Except(smtp.MessageIds.Keys).ToList() is { Count: > 0 } missing)
        {
            Assert.True(
                DateTimeOffset.UtcNow < deadline,
                $"{missing.Count} accepted sends never arrived, e.g. {missing[0]}.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        return smtp.MessageIds.Where(m => m.Value > 1).Select(m => m.Key).ToList();
    }

    private static string Megabytes(long bytes) =>
        (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);

    private sealed record ConnectionSample(TimeSpan At, long Count);
}
