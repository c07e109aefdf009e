using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Customers;

public sealed class InvoiceTests
{
    [Fact]
    public void AmountDue_IsTheTotalLessEveryPayment()
    {
        var invoice = Invoice.Open("i1", AnInvoice(100m))
            .WithPayment(APayment(0.1m))
            .WithPayment(APayment(0.2m));

        Assert.Equal(0.3m, invoice.AmountPaid);
        Assert.Equal(99.7m, invoice.AmountDue);
    }

    [Theory]
    [InlineData("2026-12-09", true)]
    [InlineData("2026-12-10", true)]
    [InlineData("2026-12-11", false)]
    public void IsOnHold_LastsUntilTheEndOfItsUntilDate(string today, bool onHold)
    {
        var hold = new InvoiceHold(HoldReason.PromiseToPay, new DateOnly(2026, 12, 10), DateTimeOffset.UnixEpoch);
        var invoice = Invoice.Open("i1", AnInvoice()).WithHold(hold);

        Assert.Equal(onHold, invoice.IsOnHold(DateOnly.Parse(today)));
    }

    [Fact]
    public void IsOnHold_WithoutAnUntilDate_LastsUntilLifted()
    {
        var hold = new InvoiceHold(HoldReason.Dispute, null, DateTimeOffset.UnixEpoch);

        Assert.True(Invoice.Open("i1", AnInvoice()).WithHold(hold).IsOnHold(new DateOnly(2099, 1, 1)));
        Assert.False(Invoice.Open("i1", AnInvoice()).IsOnHold(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void ToView_OfAClosedInvoice_OwesNothing()
    {
        var view = Invoice.Open("i1", AnInvoice(100m)).ToView(InvoiceStatus.Void, new DateOnly(2026, 12, 3));

        Assert.Equal(0m, view.AmountDue);
        Assert.Equal(new DateOnly(2026, 12, 3), view.ClosedOn);
    }
}
