using System.Globalization;
using Mimo.Benchmarks.Hosting;
using Mimo.Benchmarks.Load;
using Mimo.Benchmarks.Reporting;
using Npgsql;

namespace Mimo.Benchmarks.Sections;

/// <summary>
/// <c>restart</c>: N customers each keep a reminder for an invoice's workflow step a month ahead;
/// the silo is stopped with SIGTERM and a new silo process started, timed until it is ready: its
/// host has started (active in the membership table, gateway open) and its reminder service has
/// read the reminders of its range from the table and started (Orleans' ReminderServiceStarted).
/// </summary>
internal static class RestartSection
{
    public static async Task<SectionReport> RunAsync(BenchContext context)
    {
        var sizes = context.SizesOf("restart");
        var small = await MeasureAsync(context, sizes.Small);
        var large = await MeasureAsync(context, sizes.Large);
        return SectionReport.Create(
            "seconds from launching a silo process to ready, with N reminders registered",
            "seconds ≤ 10 with 100k reminders",
            ratio: null,
            small.MicrosecondsPerReminder,
            large.MicrosecondsPerReminder,
            // Only a silo that really had the N reminders to load can meet the target.
            large.Seconds is { } seconds ? seconds <= 10 && large.RemindersInTable >= large.Customers : null,
            [small, large]);
    }

    private static async Task<RestartSize> MeasureAsync(BenchContext context, int customers)
    {
        await using var deployment = await Deployment.StartAsync(context.Postgres, smtp: null);
        using (var tenant = await TenantApi.CreateAsync(deployment.ApiAddress, "Restart Bench", context.Limit))
        {
            await tenant.PatchSettingsAsync(new
            {
                timeZone = "UTC",
                businessDays = new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
                sendTime = "09:00",
                defaultReminderMode = "custom",
            });
            await tenant.PutWorkflowAsync("bench-due", new
            {
                name = "Due date",
                priority = 1,
                audience = new { },
                steps = new[] { new { name = "due", offsetDays = 0, templateId = "default" } },
            });
            var dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
            await tenant.ImportAsync(ImportFile.Build(customers, 1, _ => dueDate), CancellationToken.None);
        }

        var registered = await CountRemindersAsync(deployment.ConnectionString);
        BenchContext.Progress("restart", string.Create(
            CultureInfo.InvariantCulture,
            $"{registered:N0} reminders registered; restarting the silo"));
        var stopped = await deployment.StopSiloAsync();
        var start = await deployment.StartSiloAsync();
        var result = RestartSize.From(customers, registered, deployment.FirstStart, stopped, start);
        BenchContext.Progress("restart", result.Summary);
        return result;
    }

    private static async Task<int> CountRemindersAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM mimo_reminder", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
