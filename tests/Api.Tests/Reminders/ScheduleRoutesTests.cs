using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Reminders;

/// <summary>
/// <c>GET /v1/customers/{customerId}/schedule</c>: the planned emails of a customer, at the tenant's
/// send time in its time zone, on business days. The invoice is due on Wednesday 27 March 2030, in
/// the week Berlin moves to summer time (Sunday 31 March), so 09:00 is 08:00 UTC before and 07:00 after.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ScheduleRoutesTests(ApiFixture api)
{
    private const string Customer = "/v1/customers/c-1";

    [Fact]
    public async Task Schedule_ListsEveryStepAndRepeat_AtNineInBerlin_OnBusinessDays()
    {
        var tenant = await TenantAsync();

        var schedule = await tenant.ScheduleAsync("c-1");

        Assert.Equal(
            [
                (Utc(3, 25, 8), "before"), // Saturday 23rd moves to Monday
                (Utc(3, 27, 8), "due"),
                (Utc(4, 1, 7), "weekend"), // Saturday 30th moves to Monday, now in summer time
                (Utc(4, 3, 7), "week"),
                (Utc(4, 8, 7), "week"), // first repeat: Saturday 6th moves to Monday
                (Utc(4, 10, 7), "week"), // second repeat: Tuesday 9th, two days after the last email
            ],
            schedule.Select(s => (SendAt(s), s.Text("step"))));
        Assert.All(schedule, s =>
        {
            Assert.Equal(["i-1"], Strings(s.GetProperty("invoiceIds")));
            Assert.Equal("default", s.Text("templateId"));
            Assert.Equal("workflow", s.Text("source"));
            Assert.Equal("standard", s.Text("workflowId"));
            Assert.Equal("planned", s.Text("status"));
        });
    }

    [Fact]
    public async Task InvoicesWithStepsOnTheSameDay_AreOneEmail()
    {
        var tenant = await TenantAsync();

        await PutInvoiceAsync(tenant, "i-2", "2030-03-27");
        var first = (await tenant.ScheduleAsync("c-1"))[0];

        Assert.Equal(Utc(3, 25, 8), SendAt(first));
        Assert.Equal(["i-1", "i-2"], Strings(first.GetProperty("invoiceIds")));
    }

    [Fact]
    public async Task TenantSendSettings_MoveTheSchedule()
    {
        var tenant = await TenantAsync();

        var patch = await tenant.Http.PatchAsJsonAsync("/v1/tenant", new
        {
            sendTime = "14:30",
            businessDays = new[] { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" },
        });
        await patch.JsonAsync(HttpStatusCode.OK);
        var schedule = await tenant.ScheduleAsync("c-1");

        Assert.Equal(new DateTimeOffset(2030, 3, 23, 13, 30, 0, TimeSpan.Zero), SendAt(schedule[0]));
        Assert.Equal(new DateTimeOffset(2030, 3, 30, 13, 30, 0, TimeSpan.Zero), SendAt(schedule[2]));
    }

    [Fact]
    public async Task CustomersOwnTimeZone_OverridesTheTenants()
    {
        var tenant = await TenantAsync();

        var replace = await tenant.Http.PutJsonAsync(Customer, new
        {
            name = "Globex Inc.",
            contacts = new[] { new { email = "ap@globex.example" } },
            timeZone = "America/New_York",
        });
        await replace.JsonAsync(HttpStatusCode.OK);
        var schedule = await tenant.ScheduleAsync("c-1");

        // 09:00 in New York, already on summer time (UTC-4) since 10 March.
        Assert.Equal(new DateTimeOffset(2030, 3, 25, 13, 0, 0, TimeSpan.Zero), SendAt(schedule[0]));
    }

    [Fact]
    public async Task Hold_MovesTheStepsPastIt_AndOnlyTheLatestDueStepIsPlanned()
    {
        var tenant = await TenantAsync();

        var hold = await tenant.Http.PutJsonAsync(
            Customer + "/invoices/i-1/hold",
            new { reason = "dispute", until = "2030-03-28" });
        await hold.JsonAsync(HttpStatusCode.OK);
        var schedule = await tenant.ScheduleAsync("c-1");

        Assert.Equal((Utc(3, 29, 8), "due"), (SendAt(schedule[0]), schedule[0].Text("step")));
        Assert.Equal((Utc(4, 1, 7), "weekend"), (SendAt(schedule[1]), schedule[1].Text("step")));
    }

    [Fact]
    public async Task Pause_MovesTheFirstEmailToTheFirstSlotAfterIt()
    {
        var tenant = await TenantAsync();

        await tenant.SetRemindersAsync("c-1", new { mode = "custom", pausedUntil = "2030-03-30T00:00:00+01:00" });
        var schedule = await tenant.ScheduleAsync("c-1");

        Assert.Equal(
            [(Utc(4, 1, 7), "weekend"), (Utc(4, 3, 7), "week"), (Utc(4, 8, 7), "week"), (Utc(4, 10, 7), "week")],
            schedule.Select(s => (SendAt(s), s.Text("step"))));
    }

    [Theory]
    [InlineData("none")]
    [InlineData(null)]
    public async Task RemindersOff_PlanNothing(string? mode)
    {
        var tenant = await TenantAsync();

        await tenant.SetRemindersAsync("c-1", new { mode });

        Assert.Empty(await tenant.ScheduleAsync("c-1"));
    }

    /// <summary>
    /// A tenant in Berlin (09:00, Monday to Friday, two days between emails) with workflow
    /// <c>standard</c>: steps −4, 0, +3 and +7, the last repeated twice every 3 days; customer
    /// <c>c-1</c> follows it and owes invoice <c>i-1</c>, due on 27 March 2030.
    /// </summary>
    private async Task<TenantClient> TenantAsync()
    {
        var tenant = await api.NewTenantAsync();
        var workflow = new
        {
            name = "Standard",
            priority = 0,
            audience = new { },
            steps = new[]
            {
                new { name = "before", offsetDays = -4, templateId = "default" },
                new { name = "due", offsetDays = 0, templateId = "default" },
                new { name = "weekend", offsetDays = 3, templateId = "default" },
                new { name = "week", offsetDays = 7, templateId = "default" },
            },
            repeat = new { everyDays = 3, maxTimes = 2 },
        };
        await (await tenant.Http.PutJsonAsync("/v1/workflows/standard", workflow)).JsonAsync(HttpStatusCode.Created);
        await tenant.PutCustomerAsync("c-1", Bodies.Customer());
        await tenant.SetRemindersAsync("c-1", new { mode = "custom", workflowId = "standard" });
        await PutInvoiceAsync(tenant, "i-1", "2030-03-27");
        return tenant;
    }

    private static async Task PutInvoiceAsync(TenantClient tenant, string invoiceId, string dueDate) =>
        await (await tenant.Http.PutJsonAsync($"{Customer}/invoices/{invoiceId}", Bodies.Invoice(dueDate: dueDate)))
            .JsonAsync(HttpStatusCode.Created);

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2030, month, day, hour, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset SendAt(JsonElement send) => send.GetProperty("sendAt").GetDateTimeOffset();

    private static List<string?> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()).ToList();
}
