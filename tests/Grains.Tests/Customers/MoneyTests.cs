using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Customers;

public sealed class MoneyTests
{
    [Fact]
    public void OutstandingByCurrency_SumsWithinEachCurrencyOnly()
    {
        var invoices = new[]
        {
            Invoice.Open("a", AnInvoice(100m, "USD")).WithPayment(APayment(25m)),
            Invoice.Open("b", AnInvoice(10.5m, "EUR")),
            Invoice.Open("c", AnInvoice(4.5m, "EUR")),
        };

        var outstanding = Money.OutstandingByCurrency(invoices);

        Assert.Equal([new MoneyAmount("EUR", 15m), new MoneyAmount("USD", 75m)], outstanding);
    }
}
