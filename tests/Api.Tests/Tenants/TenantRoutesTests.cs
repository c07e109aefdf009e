using System.Net;
using System.Net.Http.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Tenants;

[Collection(ApiCollection.Name)]
public sealed class TenantRoutesTests(ApiFixture api)
{
    [Fact]
    public async Task CreateTenant_WithTheOperatorKey_ReturnsTheKeyOnce()
    {
        var response = await api.Operator.PostAsJsonAsync("/v1/tenants", new
        {
            name = "Acme Billing",
            timeZone = "Europe/Berlin",
            sender = new { name = "Acme Billing", email = "billing@acme.example" },
        });

        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Acme Billing", created.Text("name"));
        Assert.StartsWith("tn", created.Text("id"));
        Assert.StartsWith($"mimo_{created.Text("id")}_k", created.Text("apiKey"));
        Assert.Equal("/v1/tenant", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task GetTenant_ShowsTheDefaults()
    {
        var tenant = await api.NewTenantAsync();

        var settings = await (await tenant.Http.GetAsync("/v1/tenant")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(tenant.Id, settings.Text("id"));
        Assert.Equal("Europe/Berlin", settings.Text("timeZone"));
        Assert.Equal("09:00", settings.Text("sendTime"));
        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri"],
            settings.GetProperty("businessDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(2, settings.GetProperty("minDaysBetweenReminders").GetInt32());
        Assert.Equal("none", settings.Text("defaultReminderMode"));
        Assert.Equal("billing@acme.example", settings.GetProperty("sender").Text("email"));
    }

    [Fact]
    public async Task PatchTenant_SmartTemplateThatDoesNotExist_Is400AndChangesNothing()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.PatchAsJsonAsync("/v1/tenant", new
        {
            sendTime = "08:30",
            smartTemplates = new { late = "no-such-template" },
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("smartTemplates.late", out _));
        var settings = await (await tenant.Http.GetAsync("/v1/tenant")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("09:00", settings.Text("sendTime"));
    }

    [Fact]
    public async Task PatchTenant_ChangesOnlyTheFieldsSent()
    {
        var tenant = await api.NewTenantAsync();
        var template = await tenant.Http.PutAsJsonAsync("/v1/templates/firm-reminder", new
        {
            name = "Firm",
            subject = "Please pay",
            html = "<p>Please pay.</p>",
        });
        Assert.Equal(HttpStatusCode.Created, template.StatusCode);

        var response = await tenant.Http.PatchAsJsonAsync("/v1/tenant", new
        {
            sendTime = "08:30",
            businessDays = new[] { "Mon", "Wed" },
            minDaysBetweenReminders = 3,
            defaultReminderMode = "smart",
            replyTo = "ar@acme.example",
            smartTemplates = new { late = "firm-reminder" },
        });

        var settings = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("08:30", settings.Text("sendTime"));
        Assert.Equal(["Mon", "Wed"], settings.GetProperty("businessDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(3, settings.GetProperty("minDaysBetweenReminders").GetInt32());
        Assert.Equal("smart", settings.Text("defaultReminderMode"));
        Assert.Equal("ar@acme.example", settings.Text("replyTo"));
        Assert.Equal("firm-reminder", settings.GetProperty("smartTemplates").Text("late"));
        Assert.Equal("Acme Billing", settings.Text("name"));
        Assert.Equal("Europe/Berlin", settings.Text("timeZone"));
    }

    [Fact]
    public async Task PatchTenant_ReplyToNull_RemovesIt()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PatchAsJsonAsync("/v1/tenant", new { replyTo = "ar@acme.example" });

        var response = await tenant.Http.SendRawAsync(HttpMethod.Patch, "/v1/tenant", """{"replyTo": null}""");

        var settings = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, settings.GetProperty("replyTo").ValueKind);
    }

    [Fact]
    public async Task PatchTenant_InvalidSettings_AreRefusedAndNothingChanges()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.PatchAsJsonAsync("/v1/tenant", new
        {
            name = "Renamed",
            timeZone = "Mars/Olympus",
            sendTime = "9am",
            businessDays = new[] { "Mon", "Funday" },
            minDaysBetweenReminders = -1,
            replyTo = "not an address",
            smartTemplates = new { sometimes = "x" },
        });

        await response.ValidationProblemAsync(
            "timeZone", "sendTime", "businessDays", "minDaysBetweenReminders", "replyTo", "smartTemplates.sometimes");
        var settings = await (await tenant.Http.GetAsync("/v1/tenant")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Acme Billing", settings.Text("name"));
        Assert.Equal("09:00", settings.Text("sendTime"));
    }

    [Fact]
    public async Task PatchTenant_EmptyBusinessDaysOrWrongTypes_AreRefused()
    {
        var tenant = await api.NewTenantAsync();

        var empty = await tenant.Http.PatchAsJsonAsync("/v1/tenant", new { businessDays = Array.Empty<string>() });
        var wrongType = await tenant.Http.SendRawAsync(HttpMethod.Patch, "/v1/tenant", """{"minDaysBetweenReminders": "two"}""");
        var notAnObject = await tenant.Http.SendRawAsync(HttpMethod.Patch, "/v1/tenant", "[1, 2]");

        await empty.ValidationProblemAsync("businessDays");
        var errors = await wrongType.ValidationProblemAsync("minDaysBetweenReminders");
        Assert.Contains("whole number", errors.GetProperty("minDaysBetweenReminders")[0].GetString());
        await notAnObject.ValidationProblemAsync("$");
    }

    [Fact]
    public async Task CreateTenant_InvalidBody_IsRefused()
    {
        var response = await api.Operator.PostAsJsonAsync("/v1/tenants", new
        {
            name = " ",
            timeZone = "Nowhere/Special",
            sender = new { name = "Acme", email = "billing" },
        });

        await response.ValidationProblemAsync("name", "timeZone", "sender.email");
    }

    [Fact]
    public async Task CreateTenant_WithoutSender_IsRefused()
    {
        var response = await api.Operator.PostAsJsonAsync("/v1/tenants", new { name = "Acme" });

        await response.ValidationProblemAsync("sender");
    }

    [Fact]
    public async Task TenantKeys_OfDifferentTenants_SeeTheirOwnSettings()
    {
        var first = await api.NewTenantAsync("First");
        var second = await api.NewTenantAsync("Second");

        var firstSettings = await (await first.Http.GetAsync("/v1/tenant")).JsonAsync(HttpStatusCode.OK);
        var secondSettings = await (await second.Http.GetAsync("/v1/tenant")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("First", firstSettings.Text("name"));
        Assert.Equal("Second", secondSettings.Text("name"));
        Assert.NotEqual(first.Id, second.Id);
    }
}
