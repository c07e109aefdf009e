using Mimo.Grains.Customers;

namespace Mimo.Grains.Tests.Customers;

public sealed class PaidHistoryTests
{
    private static PaidInvoiceRecord Paid(string id, DateOnly paidOn) =>
        new(id, "EUR", 10m, paidOn.AddDays(-5), paidOn);

    [Fact]
    public void Add_DropsInvoicesPaidBeforeTheRetentionWindow()
    {
        var today = new DateOnly(2026, 12, 3);
        var old = Paid("old", today.AddDays(-PaidHistory.RetentionDays - 1));
        var edge = Paid("edge", today.AddDays(-PaidHistory.RetentionDays));

        var history = PaidHistory.Add([old, edge], Paid("new", today), today);

        Assert.Equal(["edge", "new"], history.Select(r => r.InvoiceId));
    }

    [Fact]
    public void Add_TheSameInvoiceAgain_KeepsOneRecord()
    {
        var today = new DateOnly(2026, 12, 3);

        var history = PaidHistory.Add([Paid("i1", today.AddDays(-3))], Paid("i1", today), today);

        Assert.Equal(today, Assert.Single(history).PaidOn);
    }

    [Fact]
    public void History_CoversAtLeastTheTwelveMonthsThePayScoreReads()
    {
        Assert.True(PaidHistory.RetentionDays >= 366);
    }
}
