using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Tests.Infrastructure;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Customers;

[Collection(GrainClusterCollection.Name)]
public sealed class CustomerChangesTests(GrainClusterFixture fixture)
{
    private readonly string _tenantId = NewId("tn");

    [Fact]
    public async Task ABatch_AppliesEachChangeInOrder_WithItsOwnOutcome()
    {
        var customer = fixture.Client.GetGrain<ICustomerGrain>(CustomerKey.Format(_tenantId, "c1"));

        var outcomes = await customer.ApplyChangesAsync(
        [
            CustomerChange.UpsertInvoice("early", AnInvoice()),
            CustomerChange.Upsert(ACustomer("Globex")),
            CustomerChange.UpsertInvoice("i1", AnInvoice(100m)),
            CustomerChange.UpsertInvoice("i2", AnInvoice(50m, "USD")),
            CustomerChange.RecordPayment("i1", APayment(150m)),
            CustomerChange.RecordPayment("i1", APayment(100m, reference: "full")),
            CustomerChange.RecordPayment("nope", APayment(1m)),
        ]);

        Assert.Equal("There is no such customer.", outcomes[0]);
        Assert.Equal([null, null, null], outcomes.Skip(1).Take(3));
        Assert.Contains("more than", outcomes[4], StringComparison.Ordinal);
        Assert.Null(outcomes[5]);
        Assert.Contains("no invoice 'nope'", outcomes[6], StringComparison.Ordinal);
        var view = await customer.GetAsync();
        Assert.Equal("Globex", view!.Details.Name);
        Assert.Equal(["i2"], view.OpenInvoices.Select(i => i.Id));
        Assert.Equal(InvoiceStatus.Paid, (await customer.GetInvoiceAsync("i1")).Value!.Status);
    }

    [Fact]
    public async Task ABatchThatChangesNothing_LeavesTheCustomerAsItWas()
    {
        var customer = fixture.Client.GetGrain<ICustomerGrain>(CustomerKey.Format(_tenantId, "c2"));

        var outcomes = await customer.ApplyChangesAsync([CustomerChange.UpsertInvoice("i1", AnInvoice())]);

        Assert.Equal(["There is no such customer."], outcomes);
        Assert.Null(await customer.GetAsync());
    }
}
