using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using static Mimo.Testing.TestData;

namespace Mimo.Silo.Tests.ReadModels;

/// <summary>What every invoice archive does, in memory and in PostgreSQL alike.</summary>
public abstract class InvoiceArchiveContract
{
    private readonly string _tenant = NewId("tn");

    protected abstract Task<IInvoiceArchive> ArchiveAsync();

    [Fact]
    public async Task Save_ThenFind_ReturnsEveryField()
    {
        var archive = await ArchiveAsync();
        var invoice = new InvoiceView(
            "INV-1",
            new InvoiceDetails("2026-0042", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), "EUR", 1200.10m,
                "https://pay.example/INV-1"),
            1200.10m,
            0m,
            InvoiceStatus.Paid,
            new InvoiceHold(HoldReason.PromiseToPay, new DateOnly(2026, 11, 15), new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero)),
            [APayment(200m, new DateOnly(2026, 11, 3), "part"), APayment(1000.10m, new DateOnly(2026, 11, 20), null)],
            new DateOnly(2026, 11, 20));

        await archive.SaveAsync(_tenant, "c-1", invoice, CancellationToken.None);
        var found = await archive.FindAsync(_tenant, "c-1", "INV-1", CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal(invoice.Details, found.Details);
        Assert.Equal(invoice.AmountPaid, found.AmountPaid);
        Assert.Equal(0m, found.AmountDue);
        Assert.Equal(invoice.Status, found.Status);
        Assert.Equal(invoice.Hold, found.Hold);
        Assert.Equal(invoice.Payments, found.Payments);
        Assert.Equal(invoice.ClosedOn, found.ClosedOn);
    }

    [Fact]
    public async Task Find_UnknownInvoiceOrAnotherCustomersOrTenants_IsNull()
    {
        var archive = await ArchiveAsync();
        await archive.SaveAsync(_tenant, "c-1", Voided("INV-1"), CancellationToken.None);

        Assert.Null(await archive.FindAsync(_tenant, "c-1", "INV-2", CancellationToken.None));
        Assert.Null(await archive.FindAsync(_tenant, "c-2", "INV-1", CancellationToken.None));
        Assert.Null(await archive.FindAsync(NewId("tn"), "c-1", "INV-1", CancellationToken.None));
    }

    [Fact]
    public async Task RemoveCustomer_ForgetsThatCustomersInvoicesOnly()
    {
        var archive = await ArchiveAsync();
        await archive.SaveAsync(_tenant, "c-1", Voided("INV-1"), CancellationToken.None);
        await archive.SaveAsync(_tenant, "c-2", Voided("INV-1"), CancellationToken.None);

        await archive.RemoveCustomerAsync(_tenant, "c-1", CancellationToken.None);

        Assert.Null(await archive.FindAsync(_tenant, "c-1", "INV-1", CancellationToken.None));
        Assert.NotNull(await archive.FindAsync(_tenant, "c-2", "INV-1", CancellationToken.None));
    }

    private static InvoiceView Voided(string id) =>
        new(id, AnInvoice(), 0m, 0m, InvoiceStatus.Void, null, [], new DateOnly(2026, 12, 1));
}
