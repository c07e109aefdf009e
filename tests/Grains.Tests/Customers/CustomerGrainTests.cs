using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Tests.Infrastructure;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Customers;

[Collection(GrainClusterCollection.Name)]
public sealed class CustomerGrainTests(GrainClusterFixture fixture)
{
    private readonly string _tenantId = NewId("tn");

    private ICustomerGrain CustomerGrain(string customerId) =>
        fixture.Client.GetGrain<ICustomerGrain>(CustomerKey.Format(_tenantId, customerId));

    private Task<DirectoryPage> DirectoryAsync(DirectoryQuery? query = null) =>
        fixture.Client.GetGrain<ICustomerDirectoryGrain>(0)
            .QueryAsync(_tenantId, query ?? new DirectoryQuery(null, null, null, 50, null));

    [Fact]
    public async Task Upsert_CreatesThenReplaces()
    {
        var customer = CustomerGrain("c1");

        var created = await customer.UpsertAsync(ACustomer("Acme"));
        var replaced = await customer.UpsertAsync(ACustomer("Acme Holding"));

        Assert.Equal(ResultStatus.Created, created.Status);
        Assert.Equal(ResultStatus.Ok, replaced.Status);
        Assert.Equal("Acme Holding", (await customer.GetAsync())!.Details.Name);
        Assert.Equal(created.Value!.CreatedAt, replaced.Value!.CreatedAt);
    }

    [Fact]
    public async Task Get_UnknownCustomer_IsNull()
    {
        Assert.Null(await CustomerGrain("missing").GetAsync());
    }

    [Fact]
    public async Task InvoiceCommands_OnAnUnknownCustomer_AreNotFound()
    {
        var customer = CustomerGrain("missing");

        var upsert = await customer.UpsertInvoiceAsync("i1", AnInvoice());
        var payment = await customer.RecordPaymentAsync("i1", APayment(1m));

        Assert.Equal(ResultStatus.NotFound, upsert.Status);
        Assert.Equal(ResultStatus.NotFound, payment.Status);
        Assert.Null(await customer.GetAsync());
    }

    [Fact]
    public async Task Invoices_ShowTheirOutstandingAmountOnTheCustomer()
    {
        var customer = CustomerGrain("c1");
        await customer.UpsertAsync(ACustomer());

        await customer.UpsertInvoiceAsync("i1", AnInvoice(100m, "EUR"));
        await customer.UpsertInvoiceAsync("i2", AnInvoice(50m, "USD"));
        await customer.RecordPaymentAsync("i1", APayment(30m));

        var view = await customer.GetAsync();
        Assert.Equal(2, view!.OpenInvoices.Count);
        Assert.Equal([new MoneyAmount("EUR", 70m), new MoneyAmount("USD", 50m)], view.Outstanding);
    }

    [Fact]
    public async Task PaidInvoice_LeavesTheOpenList_AndStaysReadable()
    {
        var customer = CustomerGrain("c1");
        await customer.UpsertAsync(ACustomer());
        await customer.UpsertInvoiceAsync("i1", AnInvoice(100m));

        var payment = await customer.RecordPaymentAsync("i1", APayment(100m, reference: "r1"));
        var read = await customer.GetInvoiceAsync("i1");
        var replace = await customer.UpsertInvoiceAsync("i1", AnInvoice(200m));

        Assert.Equal(ResultStatus.Created, payment.Status);
        Assert.Equal(InvoiceStatus.Paid, read.Value!.Status);
        Assert.Equal(100m, read.Value.AmountPaid);
        Assert.Empty((await customer.GetAsync())!.OpenInvoices);
        Assert.Equal(ResultStatus.Conflict, replace.Status);
    }

    [Fact]
    public async Task VoidAndHold_AreReflectedInTheInvoice()
    {
        var customer = CustomerGrain("c1");
        await customer.UpsertAsync(ACustomer());
        await customer.UpsertInvoiceAsync("i1", AnInvoice());
        await customer.UpsertInvoiceAsync("i2", AnInvoice());

        var held = await customer.PlaceHoldAsync("i1", HoldReason.Dispute, new DateOnly(2030, 1, 1));
        var voided = await customer.VoidInvoiceAsync("i2");

        Assert.Equal(HoldReason.Dispute, held.Value!.Hold!.Reason);
        Assert.Equal(InvoiceStatus.Void, (await customer.GetInvoiceAsync("i2")).Value!.Status);
        Assert.Equal(InvoiceStatus.Void, voided.Value!.Status);
        Assert.Null((await customer.LiftHoldAsync("i1")).Value!.Hold);
    }

    [Fact]
    public async Task Directory_FollowsEveryChange()
    {
        var customer = CustomerGrain("c1");
        await customer.UpsertAsync(ACustomer("Acme", "vip"));
        await customer.UpsertInvoiceAsync("i1", AnInvoice(80m));

        var row = Assert.Single((await DirectoryAsync()).Items);
        var tagged = await DirectoryAsync(new DirectoryQuery(null, null, "vip", 50, null));
        var untagged = await DirectoryAsync(new DirectoryQuery(null, null, "other", 50, null));

        Assert.Equal("Acme", row.Name);
        Assert.Equal([new MoneyAmount("EUR", 80m)], row.Outstanding);
        Assert.Single(tagged.Items);
        Assert.Empty(untagged.Items);
    }

    [Fact]
    public async Task Directory_PagesInCustomerIdOrder()
    {
        foreach (var id in new[] { "c3", "c1", "c5", "c2", "c4" })
        {
            await CustomerGrain(id).UpsertAsync(ACustomer(id));
        }

        var first = await DirectoryAsync(new DirectoryQuery(null, null, null, 2, null));
        var second = await DirectoryAsync(new DirectoryQuery(null, null, null, 2, first.NextAfterCustomerId));
        var third = await DirectoryAsync(new DirectoryQuery(null, null, null, 2, second.NextAfterCustomerId));

        Assert.Equal(["c1", "c2"], first.Items.Select(c => c.Id));
        Assert.Equal(["c3", "c4"], second.Items.Select(c => c.Id));
        Assert.Equal(["c5"], third.Items.Select(c => c.Id));
        Assert.Null(third.NextAfterCustomerId);
    }

    [Fact]
    public async Task Delete_RemovesTheCustomerItsInvoicesAndItsDirectoryRow()
    {
        var customer = CustomerGrain("c1");
        await customer.UpsertAsync(ACustomer());
        await customer.UpsertInvoiceAsync("i1", AnInvoice());
        await customer.VoidInvoiceAsync("i1");

        Assert.True(await customer.DeleteAsync());

        Assert.Null(await customer.GetAsync());
        Assert.Empty((await DirectoryAsync()).Items);
        Assert.False(await customer.DeleteAsync());
        await customer.UpsertAsync(ACustomer());
        Assert.Equal(ResultStatus.NotFound, (await customer.GetInvoiceAsync("i1")).Status);
    }

    [Fact]
    public async Task State_SurvivesDeactivation()
    {
        var customer = CustomerGrain("c1");
        await customer.UpsertAsync(ACustomer());
        await customer.UpsertInvoiceAsync("i1", AnInvoice(42m));

        await fixture.Cluster.DeactivateAsync(customer);

        Assert.Equal(42m, (await customer.GetInvoiceAsync("i1")).Value!.AmountDue);
    }

    [Fact]
    public async Task Customers_OfTwoTenants_WithTheSameId_AreSeparate()
    {
        var other = fixture.Client.GetGrain<ICustomerGrain>(CustomerKey.Format(NewId("tn"), "c1"));
        await CustomerGrain("c1").UpsertAsync(ACustomer("Mine"));

        Assert.Null(await other.GetAsync());
        Assert.Equal(ResultStatus.NotFound, (await other.UpsertInvoiceAsync("i1", AnInvoice())).Status);
    }
}
