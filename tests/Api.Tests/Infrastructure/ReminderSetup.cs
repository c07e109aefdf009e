using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mimo.Api.Tests.Infrastructure;

/// <summary>What reminder tests do over HTTP: a tenant that sends at once, templates, workflows, customers.</summary>
public static class ReminderSetup
{
    /// <summary>How long a test waits for what the service does on its own (an email, an activity entry).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static readonly string[] AllDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private static readonly TimeSpan MidnightMargin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan QuietAfterMidnight = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Sets the tenant up so that a step due today goes out at once: time zone UTC, every day a
    /// business day, and a send time a few minutes ago (the planner sends a slot missed by less
    /// than three hours right away). Close to midnight it first waits for the new day to begin
    /// (see <see cref="AwayFromMidnightAsync"/>). Returns today (UTC) and the send time.
    /// </summary>
    public static async Task<(DateOnly Today, TimeOnly SendTime)> SendNowAsync(this TenantClient tenant)
    {
        var now = await AwayFromMidnightAsync();
        var sendTime = SendTimeJustBefore(now);
        var body = new
        {
            timeZone = "UTC",
            businessDays = AllDays,
            sendTime = sendTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        };

        var response = await tenant.Http.PatchAsJsonAsync("/v1/tenant", body);

        await response.JsonAsync(HttpStatusCode.OK);
        return (DateOnly.FromDateTime(now.UtcDateTime), sendTime);
    }

    /// <summary>A whole minute two minutes before <paramref name="now"/>, but never before midnight.</summary>
    public static TimeOnly SendTimeJustBefore(DateTimeOffset now)
    {
        var minutes = Math.Max(0, (int)now.UtcDateTime.TimeOfDay.TotalMinutes - 2);
        return new TimeOnly(minutes / 60, minutes % 60);
    }

    public static async Task<string> CreateTemplateAsync(this TenantClient tenant, object body)
    {
        var response = await tenant.Http.PostAsJsonAsync("/v1/templates", body);
        var created = await response.JsonAsync(HttpStatusCode.Created);
        return created.Text("id");
    }

    /// <summary>A workflow for every customer, with one step per (name, offset) and the same template.</summary>
    public static async Task<string> CreateWorkflowAsync(
        this TenantClient tenant,
        string templateId,
        params (string Name, int OffsetDays)[] steps)
    {
        var body = new
        {
            name = "Overdue invoices",
            priority = 1,
            audience = new { },
            steps = steps.Select(s => new { name = s.Name, offsetDays = s.OffsetDays, templateId }),
        };
        var response = await tenant.Http.PostAsJsonAsync("/v1/workflows", body);
        var created = await response.JsonAsync(HttpStatusCode.Created);
        return created.Text("id");
    }

    public static async Task PutCustomerAsync(this TenantClient tenant, string customerId, object body) =>
        await (await tenant.Http.PutJsonAsync($"/v1/customers/{customerId}", body)).JsonAsync(HttpStatusCode.Created);

    public static async Task PutInvoiceAsync(
        this TenantClient tenant,
        string customerId,
        string invoiceId,
        string number,
        decimal amount,
        DateOnly dueDate)
    {
        var body = new
        {
            number,
            issueDate = Date(dueDate.AddDays(-30)),
            dueDate = Date(dueDate),
            currency = "EUR",
            amount,
        };
        var response = await tenant.Http.PutJsonAsync($"/v1/customers/{customerId}/invoices/{invoiceId}", body);
        await response.JsonAsync(HttpStatusCode.Created);
    }

    public static async Task PayAsync(this TenantClient tenant, string customerId, string invoiceId, decimal amount)
    {
        var body = new { amount, paidOn = Date(DateOnly.FromDateTime(DateTime.UtcNow)) };
        var path = $"/v1/customers/{customerId}/invoices/{invoiceId}/payments";
        var response = await tenant.Http.PostAsJsonAsync(path, body);
        await response.JsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> SetRemindersAsync(this TenantClient tenant, string customerId, object body)
    {
        var response = await tenant.Http.PutJsonAsync($"/v1/customers/{customerId}/reminders", body);
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    public static async Task<IReadOnlyList<JsonElement>> ScheduleAsync(this TenantClient tenant, string customerId)
    {
        var response = await tenant.Http.GetAsync($"/v1/customers/{customerId}/schedule");
        return (await response.JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
    }

    public static async Task<JsonElement> ActivityAsync(this TenantClient tenant, string customerId, string query = "")
    {
        var response = await tenant.Http.GetAsync($"/v1/customers/{customerId}/activity{query}");
        return await response.JsonAsync(HttpStatusCode.OK);
    }

    /// <summary>
    /// The customer's newest activity entries once one of kind <paramref name="kind"/> is there.
    /// The log is written after the email went, so there is no event to wait on over HTTP: it is read again until then.
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> WaitForActivityAsync(
        this TenantClient tenant,
        string customerId,
        string kind)
    {
        var deadline = DateTimeOffset.UtcNow + Wait;
        while (true)
        {
            var items = (await tenant.ActivityAsync(customerId)).GetProperty("items").EnumerateArray().ToList();
            if (items.Exists(i => i.Text("kind") == kind))
            {
                return items;
            }

            Assert.True(
                DateTimeOffset.UtcNow < deadline,
                $"No '{kind}' activity for {customerId} after {Wait}: {items.Count} entries");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Waits until three minutes past midnight (UTC) when it is less than five minutes before or
    /// three minutes after it, so that "a few minutes ago" is today, and today stays today while a
    /// test runs. Returns the time after.
    /// </summary>
    public static async Task<DateTimeOffset> AwayFromMidnightAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var timeOfDay = now.UtcDateTime.TimeOfDay;
        var day = now.UtcDateTime.Date;
        if (timeOfDay >= TimeSpan.FromHours(24) - MidnightMargin)
        {
            day = day.AddDays(1);
        }
        else if (timeOfDay >= QuietAfterMidnight)
        {
            return now;
        }

        await Task.Delay(new DateTimeOffset(day, TimeSpan.Zero) + QuietAfterMidnight - now);
        return DateTimeOffset.UtcNow;
    }
}
