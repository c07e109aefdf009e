using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Reminders;

/// <summary>
/// A manual send counts towards the minimum gap: an automatic step due tomorrow moves to at least
/// <c>minDaysBetweenReminders</c> days after the manual email. Time is real here, so the tenant's
/// time zone is chosen to make it about noon, far from a change of day while the test runs.
/// </summary>
[Collection(ManualReminderCollection.Name)]
public sealed class ManualScheduleTests(ManualReminderFixture fixture)
{
    private const int MinDays = 3;

    [Fact]
    public async Task AManualSendToday_PostponesTheAutomaticStepDueTomorrow_ByTheMinimumGap()
    {
        var zone = NoonZone();
        var world = await fixture.NewWorldAsync(zone.Id);
        var today = LocalDay(DateTimeOffset.UtcNow, zone);
        var customer = await CustomerWithAStepDueOnAsync(world, today.AddDays(1));
        var before = await AutomaticSendDaysAsync(world, customer, zone);

        var send = await world.SendAsync(customer.Id, new { invoiceIds = new[] { "INV-1" } });
        await send.JsonAsync(HttpStatusCode.Accepted);
        await world.SentAsync(customer.Id, 1);
        var after = await AutomaticSendDaysAsync(world, customer, zone);

        Assert.Equal([today.AddDays(1)], before);
        Assert.Equal([today.AddDays(MinDays)], after);
        Assert.Single(world.EmailsTo(customer.Email));
    }

    private static async Task<TestCustomer> CustomerWithAStepDueOnAsync(ManualWorld world, DateOnly dueDate)
    {
        await (await world.Http.PatchAsJsonAsync("/v1/tenant", new
        {
            sendTime = "09:00",
            businessDays = new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
            minDaysBetweenReminders = MinDays,
        })).JsonAsync(HttpStatusCode.OK);
        await (await world.Http.PutJsonAsync("/v1/workflows/on-due-date", new
        {
            name = "On the due date",
            priority = 0,
            audience = new { },
            steps = new[] { new { name = "due", offsetDays = 0, templateId = "default" } },
        })).JsonAsync(HttpStatusCode.Created);

        var customer = await world.CustomerAsync();
        var invoice = Bodies.Invoice(
            500m,
            issueDate: dueDate.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            dueDate: dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await (await world.Http.PutJsonAsync($"/v1/customers/{customer.Id}/invoices/INV-1", invoice))
            .JsonAsync(HttpStatusCode.Created);
        await (await world.Http.PutJsonAsync($"/v1/customers/{customer.Id}/reminders", new
        {
            mode = "custom",
            workflowId = "on-due-date",
        })).JsonAsync(HttpStatusCode.OK);
        return customer with { InvoiceIds = ["INV-1"] };
    }

    /// <summary>The local days of the customer's upcoming automatic emails.</summary>
    private static async Task<IReadOnlyList<DateOnly>> AutomaticSendDaysAsync(
        ManualWorld world,
        TestCustomer customer,
        TimeZoneInfo zone) =>
        (await world.ScheduleAsync(customer.Id))
            .Where(s => s.Text("source") == "workflow")
            .Select(s => LocalDay(s.GetProperty("sendAt").GetDateTimeOffset(), zone))
            .ToList();

    private static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>A fixed-offset zone in which it is now between 12:00 and 13:00.</summary>
    private static TimeZoneInfo NoonZone()
    {
        var offset = 12 - DateTime.UtcNow.Hour;
        var id = offset switch
        {
            0 => "Etc/GMT",
            > 0 => $"Etc/GMT-{offset}",
            _ => $"Etc/GMT+{-offset}",
        };
        return TimeZoneInfo.FindSystemTimeZoneById(id);
    }
}
