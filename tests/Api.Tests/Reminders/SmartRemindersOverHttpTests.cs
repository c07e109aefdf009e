using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Mimo.Api.Tests.EndToEnd;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Reminders;

/// <summary>Smart reminders and the Pay Score over HTTP, with emails received by a real SMTP server.</summary>
public sealed class SmartRemindersOverHttpTests(InMemoryReminderHost host) : IClassFixture<InMemoryReminderHost>
{
    [Fact]
    public async Task LatePayerWithAnOverdueInvoice_GetsTheFirmMessage_AsSoonAsSmartRemindersAreOn()
    {
        var tenant = await host.Api.NewTenantAsync();
        var (today, _) = await tenant.SendNowAsync();
        var customerId = TestIds.New("c");
        await tenant.PutCustomerAsync(customerId, new
        {
            name = "Slow Payer Ltd",
            contacts = new[] { new { email = $"{customerId}@customer.test" } },
        });
        for (var i = 0; i < 3; i++)
        {
            var due = today.AddDays(-200 + (i * 20));
            await tenant.PutInvoiceAsync(customerId, $"old-{i}", $"OLD-{i}", 100m, due);
            await PayAsync(tenant, customerId, $"old-{i}", 100m, due.AddDays(61));
        }

        await tenant.PutInvoiceAsync(customerId, "open-1", "2026-0099", 250m, today.AddDays(-10));

        var score = await (await tenant.Http.GetAsync($"/v1/customers/{customerId}/pay-score")).JsonAsync(HttpStatusCode.OK);
        await tenant.SetRemindersAsync(customerId, new { mode = "smart" });
        var email = await host.Smtp.WaitForMessageAsync(
            m => m.EnvelopeRecipients.Contains($"{customerId}@customer.test"), ReminderSetup.Wait);

        Assert.Equal("late", score.Text("band"));
        Assert.Equal(40, score.GetProperty("score").GetInt32());
        Assert.Equal(3, score.GetProperty("paidInvoices").GetInt32());
        Assert.Equal(61m, score.GetProperty("weightedDaysLate").GetDecimal());
        Assert.Contains("this customer is late", score.GetProperty("explanation").EnumerateArray().Last().GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Overdue: please pay", email.Message.Subject, StringComparison.Ordinal);
        Assert.Contains("2026-0099", email.Message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("250.00", email.Message.HtmlBody, StringComparison.Ordinal);
        var sent = await WaitForSentAsync(tenant, customerId);
        Assert.Equal(("smart", "late", "10 days overdue"), (sent.Text("source"), sent.Text("band"), sent.Text("step")));
    }

    [Fact]
    public async Task TheCustomerList_FiltersByTheComputedBand()
    {
        var tenant = await host.Api.NewTenantAsync();
        var late = TestIds.New("c");
        var fresh = TestIds.New("c");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var id in new[] { late, fresh })
        {
            await tenant.PutCustomerAsync(id, new { name = id, contacts = new[] { new { email = $"{id}@customer.test" } } });
        }

        for (var i = 0; i < 3; i++)
        {
            var due = today.AddDays(-200 + (i * 10));
            await tenant.PutInvoiceAsync(late, $"old-{i}", $"OLD-{i}", 100m, due);
            await PayAsync(tenant, late, $"old-{i}", 100m, due.AddDays(90));
        }

        var lateOnes = await (await tenant.Http.GetAsync("/v1/customers?band=late")).JsonAsync(HttpStatusCode.OK);
        var unscored = await (await tenant.Http.GetAsync("/v1/customers?band=unscored")).JsonAsync(HttpStatusCode.OK);

        var item = Assert.Single(lateOnes.GetProperty("items").EnumerateArray());
        Assert.Equal(late, item.Text("id"));
        Assert.Equal(30, item.GetProperty("payScore").GetProperty("score").GetInt32());
        Assert.Equal(fresh, Assert.Single(unscored.GetProperty("items").EnumerateArray()).Text("id"));
    }

    [Fact]
    public async Task PayScore_OfAnUnknownCustomer_Is404()
    {
        var tenant = await host.Api.NewTenantAsync();

        var response = await tenant.Http.GetAsync("/v1/customers/nobody/pay-score");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task PayAsync(TenantClient tenant, string customerId, string invoiceId, decimal amount, DateOnly paidOn)
    {
        var body = new { amount, paidOn = paidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), reference = $"{invoiceId}-paid" };
        var response = await tenant.Http.PostAsJsonAsync($"/v1/customers/{customerId}/invoices/{invoiceId}/payments", body);
        await response.JsonAsync(HttpStatusCode.Created);
    }

    private static async Task<System.Text.Json.JsonElement> WaitForSentAsync(TenantClient tenant, string customerId)
    {
        using var timeout = new CancellationTokenSource(ReminderSetup.Wait);
        while (true)
        {
            var page = await tenant.ActivityAsync(customerId);
            var sent = page.GetProperty("items").EnumerateArray().Where(e => e.Text("kind") == "sent").ToList();
            if (sent.Count > 0)
            {
                return sent[0];
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }
}
