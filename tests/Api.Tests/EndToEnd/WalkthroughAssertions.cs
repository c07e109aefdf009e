using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mimo.Api.Tests.EndToEnd;

/// <summary>What the README walkthrough leaves behind, read back over HTTP.</summary>
internal static class WalkthroughAssertions
{
    public static void AssertNoErrorAnswers(string output)
    {
        Assert.DoesNotContain("\"status\":4", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\":5", output, StringComparison.Ordinal);
        Assert.DoesNotContain("curl:", output, StringComparison.Ordinal);
    }

    public static async Task AssertDataIsThereAsync(Uri address, string tenantKey)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenantKey);

        var customer = await http.GetFromJsonAsync<JsonElement>("/v1/customers/c-1001");
        Assert.Equal("Globex GmbH", customer.GetProperty("name").GetString());
        var open = Assert.Single(customer.GetProperty("openInvoices").EnumerateArray());
        Assert.Equal("INV-2026-0057", open.GetProperty("id").GetString());
        Assert.Equal(450.50m, open.GetProperty("amountDue").GetDecimal());

        var paid = await http.GetFromJsonAsync<JsonElement>("/v1/customers/c-1001/invoices/INV-2026-0042");
        Assert.Equal("paid", paid.GetProperty("status").GetString());
        Assert.Equal(1200.00m, paid.GetProperty("amountPaid").GetDecimal());

        var list = await http.GetFromJsonAsync<JsonElement>("/v1/customers?limit=10");
        Assert.Equal("c-1001", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        var missing = await http.GetAsync("/v1/customers/c-9999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
