using System.Net;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Reminders;

/// <summary>
/// <c>GET /v1/customers/{customerId}/activity</c>: what was done and why, newest first, in pages.
/// The entries come from a real send: the tenant's send time has just passed, three invoices are
/// overdue with three steps each due, so one email goes with the latest step and the earlier steps
/// of each invoice are logged as skipped.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ActivityRoutesTests(ApiFixture api)
{
    [Fact]
    public async Task Activity_IsNewestFirst_AndPagesWithLimitAndCursor()
    {
        var (tenant, customerId) = await CustomerWithActivityAsync();

        var all = (await tenant.ActivityAsync(customerId)).GetProperty("items").EnumerateArray().ToList();
        var first = await tenant.ActivityAsync(customerId, "?limit=3");
        var cursor = first.Text("nextCursor");
        var second = await tenant.ActivityAsync(customerId, $"?limit=3&cursor={Uri.EscapeDataString(cursor)}");

        Assert.Equal(4, all.Count);
        Assert.Equal(["sent", "skipped", "skipped", "skipped"], all.Select(a => a.Text("kind")));
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        var paged = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray());
        Assert.Equal(all.Select(a => a.ToString()), paged.Select(a => a.ToString()));
    }

    [Fact]
    public async Task Entries_SayWhatWasSentAndWhySkipped()
    {
        var (tenant, customerId) = await CustomerWithActivityAsync();

        var items = (await tenant.ActivityAsync(customerId)).GetProperty("items").EnumerateArray().ToList();

        var sent = items[0];
        Assert.Equal("workflow", sent.Text("source"));
        Assert.Equal(["i-1", "i-2", "i-3"], sent.GetProperty("invoiceIds").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("due", sent.Text("step"));
        Assert.Equal("Payment reminder from Acme Billing", sent.Text("subject"));
        Assert.Equal(["ap@globex.example"], sent.GetProperty("to").EnumerateArray().Select(t => t.GetString()));
        Assert.EndsWith(".mimo", sent.Text("messageId"), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, sent.GetProperty("reason").ValueKind);
        Assert.True(File.Exists(Path.Combine(api.Host.Outbox, sent.Text("messageId") + ".eml")));
        var skipped = items.Skip(1).ToList();
        Assert.Equal(["i-1", "i-2", "i-3"], skipped.Select(s => s.GetProperty("invoiceIds")[0].GetString()).Order());
        Assert.All(skipped, s => Assert.Equal(
            "Step 'early', 'mid' was not sent on time; only the latest due step 'due' is sent.",
            s.Text("reason")));
    }

    [Fact]
    public async Task CustomerWithoutActivity_HasAnEmptyPage()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.PutCustomerAsync("c-1", Bodies.Customer());

        var page = await tenant.ActivityAsync("c-1");

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    [InlineData("?cursor=eyJhdCI6MX0", "cursor")]
    [InlineData("?cursor=", "cursor")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?limit=ten", "limit")]
    public async Task BadLimitOrCursor_Is400NamingIt(string query, string field)
    {
        var tenant = await api.NewTenantAsync();
        await tenant.PutCustomerAsync("c-1", Bodies.Customer());

        var response = await tenant.Http.GetAsync($"/v1/customers/c-1/activity{query}");

        await response.ValidationProblemAsync(field);
    }

    /// <summary>A customer of a fresh tenant whose one email has gone out; its log has four entries.</summary>
    private async Task<(TenantClient Tenant, string CustomerId)> CustomerWithActivityAsync()
    {
        var tenant = await api.NewTenantAsync("Acme Billing");
        var (today, _) = await tenant.SendNowAsync();
        await tenant.CreateWorkflowAsync("default", ("early", -10), ("mid", -5), ("due", 0));
        var customerId = TestIds.New("c");
        await tenant.PutCustomerAsync(customerId, Bodies.Customer());
        foreach (var invoiceId in new[] { "i-1", "i-2", "i-3" })
        {
            await tenant.PutInvoiceAsync(customerId, invoiceId, invoiceId.ToUpperInvariant(), 100m, today.AddDays(-1));
        }

        await tenant.SetRemindersAsync(customerId, new { mode = "custom" });
        await tenant.WaitForActivityAsync(customerId, "sent");
        return (tenant, customerId);
    }
}
