using System.Diagnostics;
using System.Globalization;
using Mimo.Benchmarks.Hosting;
using Mimo.Benchmarks.Infrastructure;
using Mimo.Benchmarks.Load;
using Mimo.Benchmarks.Reporting;
using Npgsql;

namespace Mimo.Benchmarks.Sections;

/// <summary>
/// <c>dispatch</c>: N customers, each with one invoice whose workflow step falls due at the same
/// instant (the tenant's send time today, a whole minute set a little ahead so that all of them
/// are set up first); from that instant to the last email accepted by the SMTP sink, and each
/// email's lateness (its arrival at the sink minus that instant). Then a bare MailKit loop sends
/// the same emails, as the sink received them, over as many connections as the engine has.
/// </summary>
internal static class DispatchSection
{
    private const string WorkflowId = "bench-due";

    public static async Task<SectionReport> RunAsync(BenchContext context)
    {
        var sizes = context.SizesOf("dispatch");
        var small = await MeasureAsync(context, sizes.Small, knownSetupPerCustomer: null);
        var large = await MeasureAsync(context, sizes.Large, small.SetupSecondsPerCustomer);
        bool? meets = large.Ratio is { } ratio && large.LatenessP99Seconds is { } p99
            ? ratio <= 1.5 && p99 <= 2
            : null;
        return SectionReport.Create(
            "seconds from N customers due at one instant to the last email accepted by the SMTP sink, durable",
            "ratio (engine ÷ bareMailKitSeconds) ≤ 1.5 and latenessP99Seconds ≤ 2 at 10,000 due at once",
            large.Ratio,
            small.MillisecondsPerEmail,
            large.MillisecondsPerEmail,
            meets,
            [small, large]);
    }

    private static async Task<DispatchSize> MeasureAsync(
        BenchContext context,
        int customers,
        double? knownSetupPerCustomer)
    {
        await using var sink = await SmtpSink.StartAsync();
        DispatchRun run;
        await using (var deployment = await Deployment.StartAsync(context.Postgres, new SmtpSettings(sink.Port)))
        {
            var setupPerCustomer = knownSetupPerCustomer is { } known ? TimeSpan.FromSeconds(known) : (TimeSpan?)null;
            var dueAt = DueInstant.After(DateTimeOffset.UtcNow, customers, setupPerCustomer);
            var setup = await SetUpAsync(context, deployment, customers, dueAt);
            run = await DispatchAsync(context, deployment, sink, customers, dueAt, setup);
        }

        var bare = run.Finished ? await BareAsync(context, run.Emails) : null;
        var result = DispatchSize.From(context, run, bare);
        BenchContext.Progress("dispatch", result.Summary);
        return result;
    }

    /// <summary>
    /// A tenant in UTC sending every day at <paramref name="dueAt"/>, and the customers with an
    /// invoice due that day.
    /// </summary>
    private static async Task<DispatchSetup> SetUpAsync(
        BenchContext context,
        Deployment deployment,
        int customers,
        DateTimeOffset dueAt)
    {
        var started = Stopwatch.GetTimestamp();
        using var tenant = await TenantApi.CreateAsync(deployment.ApiAddress, "Dispatch Bench", context.Limit);
        await tenant.PatchSettingsAsync(new
        {
            timeZone = "UTC",
            businessDays = new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
            sendTime = dueAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            minDaysBetweenReminders = 0,
            defaultReminderMode = "custom",
        });
        await tenant.PutWorkflowAsync(WorkflowId, new
        {
            name = "Due today",
            priority = 1,
            audience = new { },
            steps = new[] { new { name = "due", offsetDays = 0, templateId = "default" } },
        });
        var dueDate = DateOnly.FromDateTime(dueAt.UtcDateTime);
        var answer = await tenant.ImportAsync(ImportFile.Build(customers, 1, _ => dueDate), CancellationToken.None);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var registered = await CountRemindersAtAsync(deployment.ConnectionString, dueAt);
        BenchContext.Progress("dispatch", string.Create(CultureInfo.InvariantCulture,
            $"{customers:N0} customers set up in {seconds:0.0} s ({answer.Rejected} lines rejected), "
            + $"{registered:N0} reminders due at {dueAt:HH:mm:ss}Z"));
        return new DispatchSetup(seconds, DateTimeOffset.UtcNow < dueAt, registered);
    }

    private static async Task<DispatchRun> DispatchAsync(
        BenchContext context,
        Deployment deployment,
        SmtpSink sink,
        int customers,
        DateTimeOffset dueAt,
        DispatchSetup setup)
    {
        var wait = dueAt - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var sources = deployment.CpuSources(context.Postgres);
        sources["smtpSink"] = () => LocalProcesses.CpuSeconds(sink.ProcessId);
        var cpu = CpuWatch.Start(sources);
        var finished = await sink.WaitForAsync(customers, context.Limit, accepted =>
            BenchContext.Progress("dispatch", string.Create(
                CultureInfo.InvariantCulture,
                $"{accepted:N0} of {customers:N0} emails accepted")));
        var used = cpu.Stop();
        return new DispatchRun(customers, dueAt, setup, finished, sink.ReadEmails(), used);
    }

    private static async Task<BareRun> BareAsync(BenchContext context, IReadOnlyList<SinkEmail> emails)
    {
        var messages = BareMailKit.Parse(emails.Select(e => e.Message));
        await using var sink = await SmtpSink.StartAsync();
        var cpu = CpuWatch.Start(new Dictionary<string, Func<double?>>
        {
            ["smtpSink"] = () => LocalProcesses.CpuSeconds(sink.ProcessId),
            ["bench"] = () => LocalProcesses.CpuSeconds(Environment.ProcessId),
            [CpuWatch.Machine] = LocalProcesses.MachineBusySeconds,
        });
        using var limit = new CancellationTokenSource(context.Limit);
        var elapsed = await BareMailKit.SendAsync(messages, sink.Port, SmtpSettings.MaxConnections, limit.Token);
        return new BareRun(elapsed, sink.Accepted, cpu.Stop());
    }

    /// <summary>
    /// Reminders registered to tick within 10 s after the due instant (Orleans adds the moments
    /// between planning and registering).
    /// </summary>
    private static async Task<int> CountRemindersAtAsync(string connectionString, DateTimeOffset dueAt)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM mimo_reminder WHERE start_time >= $1 AND start_time < $1 + interval '10 seconds'",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = dueAt });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// How the customers were set up: in how long, whether before the due instant, and how many
/// reminders are due at it.
/// </summary>
internal sealed record DispatchSetup(double Seconds, bool FinishedBeforeDue, int RemindersAtDueInstant);

/// <summary>What the engine did from the due instant on.</summary>
internal sealed record DispatchRun(
    int Customers,
    DateTimeOffset DueAt,
    DispatchSetup Setup,
    bool Finished,
    IReadOnlyList<SinkEmail> Emails,
    CpuUse Cpu);

/// <summary>The bare MailKit loop: its time, the emails its sink accepted, and the CPU used.</summary>
internal sealed record BareRun(TimeSpan Elapsed, int Accepted, CpuUse Cpu);
