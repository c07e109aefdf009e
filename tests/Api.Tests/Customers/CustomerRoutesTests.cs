using System.Net;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Customers;

[Collection(ApiCollection.Name)]
public sealed class CustomerRoutesTests(ApiFixture api)
{
    [Fact]
    public async Task PutCustomer_CreatesThenReplaces()
    {
        var tenant = await api.NewTenantAsync();

        var created = await tenant.Http.PutJsonAsync("/v1/customers/c-1", Bodies.Customer("Globex GmbH"));
        var replaced = await tenant.Http.PutJsonAsync("/v1/customers/c-1", Bodies.Customer("Globex AG"));

        var first = await created.JsonAsync(HttpStatusCode.Created);
        var second = await replaced.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("/v1/customers/c-1", created.Headers.Location?.OriginalString);
        Assert.Equal("Globex GmbH", first.Text("name"));
        Assert.Equal("Globex AG", second.Text("name"));
        Assert.Equal(first.Text("createdAt"), second.Text("createdAt"));
    }

    [Fact]
    public async Task GetCustomer_ShowsOpenInvoicesOutstandingScoreAndReminders()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PutJsonAsync("/v1/customers/c-1", new
        {
            name = "Globex GmbH",
            contacts = new[] { new { email = "ap@globex.example" } },
            timeZone = "America/New_York",
            tags = new[] { "wholesale", "eu" },
            paymentMethod = "direct_debit",
        });
        await tenant.Http.PutJsonAsync("/v1/customers/c-1/invoices/i-1", Bodies.Invoice(100m, "EUR"));
        await tenant.Http.PutJsonAsync("/v1/customers/c-1/invoices/i-2", Bodies.Invoice(50.5m, "EUR"));
        await tenant.Http.PutJsonAsync("/v1/customers/c-1/invoices/i-3", Bodies.Invoice(7m, "USD"));

        var customer = await (await tenant.Http.GetAsync("/v1/customers/c-1")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("America/New_York", customer.Text("timeZone"));
        Assert.Equal("direct_debit", customer.Text("paymentMethod"));
        Assert.Equal(3, customer.GetProperty("openInvoices").GetArrayLength());
        var outstanding = customer.GetProperty("outstanding").EnumerateArray()
            .ToDictionary(m => m.Text("currency"), m => m.Number("amount"));
        Assert.Equal(150.5m, outstanding["EUR"]);
        Assert.Equal(7m, outstanding["USD"]);
        Assert.Equal("unscored", customer.GetProperty("payScore").Text("band"));
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("payScore").GetProperty("score").ValueKind);
        Assert.True(customer.GetProperty("reminders").TryGetProperty("nextReminderAt", out _));
    }

    [Fact]
    public async Task PutCustomer_WithoutOptionalFields_TakesDefaults()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.PutJsonAsync("/v1/customers/c-min", new { name = "Minimal Ltd" });

        var customer = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(0, customer.GetProperty("contacts").GetArrayLength());
        Assert.Equal(0, customer.GetProperty("tags").GetArrayLength());
        Assert.Equal("other", customer.Text("paymentMethod"));
    }

    [Fact]
    public async Task GetCustomer_Unknown_Is404Problem()
    {
        var tenant = await api.NewTenantAsync();

        var problem = await (await tenant.Http.GetAsync("/v1/customers/nobody")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("There is no such customer.", problem.Text("detail"));
    }

    [Fact]
    public async Task DeleteCustomer_RemovesItAndItsInvoices()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PutJsonAsync("/v1/customers/c-1", Bodies.Customer());
        await tenant.Http.PutJsonAsync("/v1/customers/c-1/invoices/i-1", Bodies.Invoice());

        var deleted = await tenant.Http.DeleteAsync("/v1/customers/c-1");
        var again = await tenant.Http.DeleteAsync("/v1/customers/c-1");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await again.ProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Http.GetAsync("/v1/customers/c-1")).ProblemAsync(HttpStatusCode.NotFound);
        await (await tenant.Http.GetAsync("/v1/customers/c-1/invoices/i-1")).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await tenant.Http.GetAsync("/v1/customers")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ListCustomers_PagesInIdOrderWithCursors()
    {
        var tenant = await api.NewTenantAsync();
        foreach (var id in new[] { "c-05", "c-01", "c-04", "c-02", "c-03" })
        {
            await tenant.Http.PutJsonAsync($"/v1/customers/{id}", Bodies.Customer(id));
        }

        var ids = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var path = "/v1/customers?limit=2" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await tenant.Http.GetAsync(path)).JsonAsync(HttpStatusCode.OK);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.Text("id")));
            var next = page.GetProperty("nextCursor");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(["c-01", "c-02", "c-03", "c-04", "c-05"], ids);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListCustomers_FiltersByTagBandAndMode()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PutJsonAsync("/v1/customers/c-1", Bodies.Customer("One", tags: ["wholesale"]));
        await tenant.Http.PutJsonAsync("/v1/customers/c-2", Bodies.Customer("Two", tags: ["retail"]));

        var wholesale = await ListIdsAsync(tenant, "?tag=wholesale");
        var unscored = await ListIdsAsync(tenant, "?band=unscored");
        var late = await ListIdsAsync(tenant, "?band=late");
        var none = await ListIdsAsync(tenant, "?mode=none");
        var smart = await ListIdsAsync(tenant, "?mode=smart");

        Assert.Equal(["c-1"], wholesale);
        Assert.Equal(["c-1", "c-2"], unscored);
        Assert.Empty(late);
        Assert.Equal(["c-1", "c-2"], none);
        Assert.Empty(smart);
    }

    [Fact]
    public async Task ListCustomers_ModeFilter_FollowsTheTenantDefault()
    {
        var tenant = await api.NewTenantAsync();
        await tenant.Http.PutJsonAsync("/v1/customers/c-1", Bodies.Customer());
        await tenant.Http.PatchAsync("/v1/tenant", System.Net.Http.Json.JsonContent.Create(new { defaultReminderMode = "smart" }));

        Assert.Equal(["c-1"], await ListIdsAsync(tenant, "?mode=smart"));
        Assert.Empty(await ListIdsAsync(tenant, "?mode=none"));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?band=excellent", "band")]
    [InlineData("?mode=sometimes", "mode")]
    [InlineData("?cursor=not-a-cursor", "cursor")]
    public async Task ListCustomers_InvalidQuery_IsRefused(string query, string field)
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.GetAsync("/v1/customers" + query);

        await response.ValidationProblemAsync(field);
    }

    [Fact]
    public async Task ListCustomers_DefaultLimitIs50()
    {
        var tenant = await api.NewTenantAsync();
        await Task.WhenAll(Enumerable.Range(0, 51)
            .Select(i => tenant.Http.PutJsonAsync($"/v1/customers/c-{i:D3}", Bodies.Customer())));

        var page = await (await tenant.Http.GetAsync("/v1/customers")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(50, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.String, page.GetProperty("nextCursor").ValueKind);
    }

    private static async Task<List<string>> ListIdsAsync(TenantClient tenant, string query)
    {
        var page = await (await tenant.Http.GetAsync("/v1/customers" + query)).JsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Select(c => c.Text("id")).ToList();
    }
}
