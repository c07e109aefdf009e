using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Invoices;

[Collection(ApiCollection.Name)]
public sealed class InvoiceRoutesTests(ApiFixture api)
{
    private const string InvoicePath = "/v1/customers/c-1/invoices/INV-1";

    [Fact]
    public async Task PutInvoice_CreatesThenReplaces_NumberDefaultsToTheId()
    {
        var tenant = await CustomerAsync();

        var created = await tenant.Http.PutJsonAsync(InvoicePath, Bodies.Invoice(100m));
        var replaced = await tenant.Http.PutJsonAsync(InvoicePath, new
        {
            number = "2026-0001",
            issueDate = "2026-10-01",
            dueDate = "2026-11-15",
            currency = "EUR",
            amount = 120m,
            paymentUrl = "https://pay.acme.example/INV-1",
        });

        var first = await created.JsonAsync(HttpStatusCode.Created);
        var second = await replaced.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("INV-1", first.Text("number"));
        Assert.Equal("2026-0001", second.Text("number"));
        Assert.Equal("2026-11-15", second.Text("dueDate"));
        Assert.Equal(120m, second.Number("amountDue"));
        Assert.Equal("https://pay.acme.example/INV-1", second.Text("paymentUrl"));
        Assert.Equal(InvoicePath, created.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PutInvoice_ForUnknownCustomer_Is404()
    {
        var tenant = await api.NewTenantAsync();

        var response = await tenant.Http.PutJsonAsync("/v1/customers/nobody/invoices/INV-1", Bodies.Invoice());

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PartialPayment_LowersTheAmountDue()
    {
        var tenant = await CustomerAsync();
        await tenant.Http.PutJsonAsync(InvoicePath, Bodies.Invoice(1200m));

        var response = await tenant.Http.PostAsJsonAsync($"{InvoicePath}/payments", Bodies.Payment(200m, reference: "P-1"));

        var invoice = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("open", invoice.Text("status"));
        Assert.Equal(200m, invoice.Number("amountPaid"));
        Assert.Equal(1000m, invoice.Number("amountDue"));
        Assert.Equal("P-1", invoice.GetProperty("payments")[0].Text("reference"));
    }

    [Fact]
    public async Task FullPayment_MakesTheInvoicePaid_AndItLeavesTheOpenList()
    {
        var tenant = await CustomerAsync();
        await tenant.Http.PutJsonAsync(InvoicePath, Bodies.Invoice(1200m));
        await tenant.Http.PostAsJsonAsync($"{InvoicePath}/payments", Bodies.Payment(200m));

        var response = await tenant.Http.PostAsJsonAsync($"{InvoicePath}/payments", Bodies.Payment(1000m, "2026-11-06"));

        var paid = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("paid", paid.Text("status"));
        Assert.Equal(0m, paid.Number("amountDue"));
        Assert.Equal("2026-11-06", paid.Text("closedOn"));
        var read = await (await tenant.Http.GetAsync(InvoicePath)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("paid", read.Text("status"));
        Assert.Equal(2, read.GetProperty("payments").GetArrayLength());
        var customer = await (await tenant.Http.GetAsync("/v1/customers/c-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, customer.GetProperty("openInvoices").GetArrayLength());
    }

    [Fact]
    public async Task Payment_LargerThanTheAmountDue_IsRefusedAndNothingChanges()
    {
        var tenant = await CustomerAsync();
        await tenant.Http.PutJsonAsync(InvoicePath, Bodies.Invoice(100m));

        var response = await tenant.Http.PostAsJsonAsync($"{InvoicePath}/payments", Bodies.Payment(100.01m));

        await response.ValidationProblemAsync("amount");
        var invoice = await (await tenant.Http.GetAsync(InvoicePath)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(100m, invoice.Number("amountDue"));
    }

    [Fact]
    public async Task Payment_RepeatedReference_IsCountedOnce()
    {
        var tenant = await CustomerAsync();
        await tenant.Http.PutJsonAsync(InvoicePath, Bodies.Invoice(100m));
        await tenant.Http.PostAsJsonAsync($"{InvoicePath}/payments", Bodies.Payment(30m, reference: "SEPA-1"));

        var repeat = await tenant.Http.PostAsJsonAsync($"{InvoicePath}/payments", Bodies.Payment(30m, reference: "SEPA-1"));

        var invoice = await repeat.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(70m, invoice.Number("amountDue"));
    }

    [Fact]
    public async Task Payment_InTheFuture_IsRefused()
    {
        var tenant = await CustomerAsync();
        await tenant.Http.PutJsonAsync(InvoicePath, Bodies.Invoice(100m));
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)).ToString("yyyy-MM-dd");

        var response = await tenant.Http.PostAsJsonAsync($"{InvoicePath}/payments", Bodies.Payment(10m, future));

        await response.ValidationProblemAsync("paidOn");
    }

    [Fact]
    public async Task VoidInvoice_ClosesIt_AndAVoidInvoiceCannotChange()
    {
        var tenant = await CustomerAsync();
        await tenant.Http.PutJsonAsync(InvoicePath, Bodies.Invoice(100m));

        var voided = await tenant.Http.PostAsync($"{InvoicePath}/void", null);
        var voidAgain = await tenant.Http.PostAsync($"{InvoicePath}/void", null);
        var repeat = await tenant.Http.PutJsonAsync(InvoicePath, Bodies.Invoice(100m));
        var replace = await tenant.Http.PutJsonAsync(InvoicePath, Bodies.Invoice(150m));
        var pay = await tenant.Http.PostAsJsonAsync($"{InvoicePath}/payments", Bodies.Payment(10m));

        Assert.Equal("void", (await voided.JsonAsync(HttpStatusCode.OK)).Text("status"));
        Assert.Equal("void", (await voidAgain.JsonAsync(HttpStatusCode.OK)).Text("status"));
        Assert.Equal("void", (await repeat.JsonAsync(HttpStatusCode.OK)).Text("status"));
        await replace.ProblemAsync(HttpStatusCode.Conflict);
        await pay.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Hold_IsShownOnTheInvoice_AndCanBeLifted()
    {
        var tenant = await CustomerAsync();
        await tenant.Http.PutJsonAsync(InvoicePath, Bodies.Invoice(100m));

        var held = await tenant.Http.PutJsonAsync($"{InvoicePath}/hold", new { reason = "promise_to_pay", until = "2026-12-20" });
        var lifted = await tenant.Http.DeleteAsync($"{InvoicePath}/hold");

        var hold = (await held.JsonAsync(HttpStatusCode.OK)).GetProperty("hold");
        Assert.Equal("promise_to_pay", hold.Text("reason"));
        Assert.Equal("2026-12-20", hold.Text("until"));
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        var invoice = await (await tenant.Http.GetAsync(InvoicePath)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, invoice.GetProperty("hold").ValueKind);
    }

    [Fact]
    public async Task Hold_WithoutReasonOrWithAnUnknownOne_IsRefused()
    {
        var tenant = await CustomerAsync();
        await tenant.Http.PutJsonAsync(InvoicePath, Bodies.Invoice(100m));

        var missing = await tenant.Http.PutJsonAsync($"{InvoicePath}/hold", new { until = "2026-12-20" });
        var unknown = await tenant.Http.PutJsonAsync($"{InvoicePath}/hold", new { reason = "holiday" });

        await missing.ValidationProblemAsync("reason");
        var errors = await unknown.ValidationProblemAsync("reason");
        Assert.Contains("'promise_to_pay'", errors.GetProperty("reason")[0].GetString());
    }

    [Fact]
    public async Task Hold_OnAnUnknownInvoice_Is404()
    {
        var tenant = await CustomerAsync();

        var place = await tenant.Http.PutJsonAsync($"{InvoicePath}/hold", new { reason = "dispute" });
        var lift = await tenant.Http.DeleteAsync($"{InvoicePath}/hold");

        await place.ProblemAsync(HttpStatusCode.NotFound);
        await lift.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task InvoiceAmounts_FollowTheCurrencysDecimals()
    {
        var tenant = await CustomerAsync();

        var yen = await tenant.Http.PutJsonAsync("/v1/customers/c-1/invoices/JPY-1", Bodies.Invoice(1500m, "JPY"));
        var yenWithCents = await tenant.Http.PutJsonAsync("/v1/customers/c-1/invoices/JPY-2", Bodies.Invoice(1500.5m, "JPY"));
        var dinar = await tenant.Http.PutJsonAsync("/v1/customers/c-1/invoices/BHD-1", Bodies.Invoice(10.125m, "BHD"));

        await yen.JsonAsync(HttpStatusCode.Created);
        await yenWithCents.ValidationProblemAsync("amount");
        await dinar.JsonAsync(HttpStatusCode.Created);
    }

    private async Task<TenantClient> CustomerAsync()
    {
        var tenant = await api.NewTenantAsync();
        await (await tenant.Http.PutJsonAsync("/v1/customers/c-1", Bodies.Customer())).JsonAsync(HttpStatusCode.Created);
        return tenant;
    }
}
