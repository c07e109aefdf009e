using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Reminders;

/// <summary><c>PUT /v1/customers/{customerId}/reminders</c>: how a customer is reminded.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReminderSettingsRoutesTests(ApiFixture api)
{
    private const string Customer = "/v1/customers/c-1";
    private const string Reminders = Customer + "/reminders";

    /// <summary>Tuesday 15 January 2030, 09:00 in Berlin.</summary>
    private static readonly DateTimeOffset DueDaySlot = new(2030, 1, 15, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Custom_Answers200WithTheSettings_AndTheCustomerShowsThem()
    {
        var tenant = await TenantWithCustomerAsync();

        var response = await tenant.Http.PutJsonAsync(Reminders, new { mode = "custom", workflowId = "standard" });

        var settings = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("custom", settings.Text("mode"));
        Assert.Equal("standard", settings.Text("workflowId"));
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("pausedUntil").ValueKind);
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("nextReminderAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("suspended").ValueKind);
        Assert.Equal(settings.ToString(), (await RemindersOfAsync(tenant)).ToString());
    }

    [Fact]
    public async Task NoMode_FollowsTheTenantsDefault_AndAPauseIsKeptInUtc()
    {
        var tenant = await TenantWithCustomerAsync();
        await tenant.SetRemindersAsync("c-1", new { mode = "custom", workflowId = "standard" });

        var settings = await tenant.SetRemindersAsync("c-1", new { pausedUntil = "2030-01-20T10:30:00+01:00" });

        Assert.Equal(JsonValueKind.Null, settings.GetProperty("mode").ValueKind);
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("workflowId").ValueKind);
        var pausedUntil = settings.GetProperty("pausedUntil").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2030, 1, 20, 9, 30, 0, TimeSpan.Zero), pausedUntil);
        Assert.Equal(TimeSpan.Zero, pausedUntil.Offset);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("smart")]
    [InlineData("custom")]
    public async Task EveryMode_IsAccepted(string mode)
    {
        var tenant = await TenantWithCustomerAsync();

        var settings = await tenant.SetRemindersAsync("c-1", new { mode });

        Assert.Equal(mode, settings.Text("mode"));
    }

    [Theory]
    [InlineData("""{"mode": "sometimes"}""", "mode")]
    [InlineData("""{"mode": 2}""", "mode")]
    [InlineData("""{"mode": "none", "workflowId": "standard"}""", "workflowId")]
    [InlineData("""{"mode": "smart", "workflowId": "standard"}""", "workflowId")]
    [InlineData("""{"workflowId": "standard"}""", "workflowId")]
    [InlineData("""{"mode": "custom", "workflowId": "nothing"}""", "workflowId")]
    [InlineData("""{"mode": "custom", "workflowId": "bad id!"}""", "workflowId")]
    [InlineData("""{"mode": "custom", "workflowId": ""}""", "workflowId")]
    [InlineData("""{"pausedUntil": "2030-01-20T10:30:00"}""", "pausedUntil")]
    [InlineData("""{"pausedUntil": "2030-01-20"}""", "pausedUntil")]
    [InlineData("""{"pausedUntil": "tomorrow"}""", "pausedUntil")]
    [InlineData("""{"pausedUntil": "2030-02-30T10:00:00Z"}""", "pausedUntil")]
    [InlineData("""{"pausedUntil": "2200-01-01T00:00:00Z"}""", "pausedUntil")]
    [InlineData("""{"pausedUntil": "1899-12-31T23:00:00+00:00"}""", "pausedUntil")]
    [InlineData("""{"pausedUntil": 1893456000}""", "pausedUntil")]
    public async Task InvalidSettings_Are400NamingTheField_AndChangeNothing(string body, string field)
    {
        var tenant = await TenantWithCustomerAsync();
        var before = await tenant.SetRemindersAsync("c-1", new { mode = "custom", workflowId = "standard" });

        var response = await tenant.Http.SendRawAsync(HttpMethod.Put, Reminders, body);

        await response.ValidationProblemAsync(field);
        Assert.Equal(before.ToString(), (await RemindersOfAsync(tenant)).ToString());
    }

    [Fact]
    public async Task UnknownWorkflow_NamesIt()
    {
        var tenant = await TenantWithCustomerAsync();

        var response = await tenant.Http.PutJsonAsync(Reminders, new { mode = "custom", workflowId = "nothing" });

        var errors = await response.ValidationProblemAsync("workflowId");
        Assert.Equal("There is no workflow 'nothing'.", errors.GetProperty("workflowId")[0].GetString());
    }

    [Fact]
    public async Task AnotherTenantsWorkflow_IsUnknown()
    {
        var owner = await TenantWithCustomerAsync();
        var other = await TenantWithCustomerAsync();
        await (await owner.Http.PutJsonAsync("/v1/workflows/owned", WorkflowBody())).JsonAsync(HttpStatusCode.Created);

        var response = await other.Http.PutJsonAsync(Reminders, new { mode = "custom", workflowId = "owned" });

        var errors = await response.ValidationProblemAsync("workflowId");
        Assert.Equal("There is no workflow 'owned'.", errors.GetProperty("workflowId")[0].GetString());
    }

    [Theory]
    [InlineData("has%20space")]
    [InlineData("semi;colon")]
    [InlineData("%C3%BCmlaut")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task CustomerIdsOutsideTheAllowedCharacters_Are400OnEveryReminderRoute(string customerId)
    {
        var tenant = await api.NewTenantAsync();

        var put = await tenant.Http.PutJsonAsync($"/v1/customers/{customerId}/reminders", new { mode = "none" });
        var schedule = await tenant.Http.GetAsync($"/v1/customers/{customerId}/schedule");
        var activity = await tenant.Http.GetAsync($"/v1/customers/{customerId}/activity");

        await put.ValidationProblemAsync("customerId");
        await schedule.ValidationProblemAsync("customerId");
        await activity.ValidationProblemAsync("customerId");
    }

    [Fact]
    public async Task UnknownCustomer_Is404OnEveryReminderRoute()
    {
        var tenant = await api.NewTenantAsync();

        var put = await tenant.Http.PutJsonAsync("/v1/customers/nobody/reminders", new { mode = "custom" });
        var schedule = await tenant.Http.GetAsync("/v1/customers/nobody/schedule");
        var activity = await tenant.Http.GetAsync("/v1/customers/nobody/activity");

        foreach (var response in new[] { put, schedule, activity })
        {
            var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal("There is no such customer.", problem.Text("detail"));
        }
    }

    [Fact]
    public async Task NextReminderAt_AppearsWithAnOpenInvoice_AndDisappearsWhenItIsPaid()
    {
        var tenant = await TenantWithCustomerAsync();
        var settings = await tenant.SetRemindersAsync("c-1", new { mode = "custom", workflowId = "standard" });

        await (await tenant.Http.PutJsonAsync(Customer + "/invoices/i-1", Bodies.Invoice(dueDate: "2030-01-15")))
            .JsonAsync(HttpStatusCode.Created);
        var withInvoice = await RemindersOfAsync(tenant);
        var listed = await ListedNextReminderAsync(tenant);
        await tenant.PayAsync("c-1", "i-1", 1200m);
        var paid = await RemindersOfAsync(tenant);

        Assert.Equal(JsonValueKind.Null, settings.GetProperty("nextReminderAt").ValueKind);
        Assert.Equal(DueDaySlot, withInvoice.GetProperty("nextReminderAt").GetDateTimeOffset());
        Assert.Equal(DueDaySlot, listed.GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, paid.GetProperty("nextReminderAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await ListedNextReminderAsync(tenant)).ValueKind);
    }

    [Fact]
    public async Task NextReminderAt_IsNullWithRemindersOff()
    {
        var tenant = await TenantWithCustomerAsync();
        await (await tenant.Http.PutJsonAsync(Customer + "/invoices/i-1", Bodies.Invoice(dueDate: "2030-01-15")))
            .JsonAsync(HttpStatusCode.Created);

        var custom = await tenant.SetRemindersAsync("c-1", new { mode = "custom", workflowId = "standard" });
        var none = await tenant.SetRemindersAsync("c-1", new { mode = "none" });

        Assert.Equal(DueDaySlot, custom.GetProperty("nextReminderAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("nextReminderAt").ValueKind);
    }

    /// <summary>A tenant in Berlin (09:00, Monday to Friday), workflow <c>standard</c>, customer <c>c-1</c>.</summary>
    private async Task<TenantClient> TenantWithCustomerAsync()
    {
        var tenant = await api.NewTenantAsync();
        var workflow = await tenant.Http.PutJsonAsync("/v1/workflows/standard", WorkflowBody());
        await workflow.JsonAsync(HttpStatusCode.Created);
        await tenant.PutCustomerAsync("c-1", Bodies.Customer());
        return tenant;
    }

    private static object WorkflowBody() => new
    {
        name = "Standard",
        priority = 0,
        audience = new { },
        steps = new[] { new { name = "due", offsetDays = 0, templateId = "default" } },
    };

    private static async Task<JsonElement> RemindersOfAsync(TenantClient tenant) =>
        (await (await tenant.Http.GetAsync(Customer)).JsonAsync(HttpStatusCode.OK)).GetProperty("reminders");

    private static async Task<JsonElement> ListedNextReminderAsync(TenantClient tenant)
    {
        var page = await tenant.Http.GetFromJsonAsync<JsonElement>("/v1/customers");
        return Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("nextReminderAt");
    }
}
