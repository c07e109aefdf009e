using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Scoring;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Scoring;

public sealed class PayScoreCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void FewerThanThreePaidInvoices_IsUnscored_AndSaysWhy()
    {
        var report = PayScoreCalculator.Compute([Paid("a", 100, daysLate: 0), Paid("b", 100, daysLate: 5)], [], Today);

        Assert.Null(report.Score);
        Assert.Equal(PayerBand.Unscored, report.Band);
        Assert.Equal(2, report.PaidInvoices);
        Assert.Null(report.WeightedDaysLate);
        Assert.Contains("at least 3", report.Explanation[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 80, PayerBand.Timely)]
    [InlineData(15, 70, PayerBand.Average)]
    [InlineData(30, 50, PayerBand.Average)]
    [InlineData(31, 50, PayerBand.Average)]
    [InlineData(33, 49, PayerBand.Late)]
    [InlineData(90, 30, PayerBand.Late)]
    [InlineData(-30, 100, PayerBand.Timely)]
    public void PayingAlwaysSoLate_GivesTheScaleScoreAndBand(int daysLate, int score, PayerBand band)
    {
        var report = PayScoreCalculator.Compute(
            [Paid("a", 100, daysLate), Paid("b", 250, daysLate), Paid("c", 40, daysLate)], [], Today);

        Assert.Equal(score, report.Score);
        Assert.Equal(band, report.Band);
        Assert.Equal(daysLate, report.WeightedDaysLate);
    }

    [Fact]
    public void Amounts_WeighTheDaysLate()
    {
        var report = PayScoreCalculator.Compute(
            [Paid("big", 900, daysLate: 0), Paid("small", 50, daysLate: 60), Paid("small2", 50, daysLate: 60)], [], Today);

        // (900·0 + 50·60 + 50·60) / 1000 = 6 days late → 80 − 6·(10/15) = 76.
        Assert.Equal(6m, report.WeightedDaysLate);
        Assert.Equal(76, report.Score);
        Assert.Equal(0.33m, report.OnTimeShare);
    }

    [Fact]
    public void EarlyPayers_ScoreAbove80()
    {
        var report = PayScoreCalculator.Compute(
            [Paid("a", 100, daysLate: -10), Paid("b", 100, daysLate: -20), Paid("c", 100, daysLate: -15)], [], Today);

        Assert.Equal(-15m, report.WeightedDaysLate);
        Assert.Equal(90, report.Score);
        Assert.Equal(1m, report.OnTimeShare);
        Assert.Contains("15 days early", report.Explanation[1], StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyTheLast12Months_Count()
    {
        var windowStart = PayScoreCalculator.WindowStart(Today);
        PaidInvoiceRecord[] history =
        [
            Paid("old", 100, daysLate: 200, paidOn: windowStart.AddDays(-1)),
            Paid("edge", 100, daysLate: 0, paidOn: windowStart),
            Paid("b", 100, daysLate: 0),
            Paid("c", 100, daysLate: 0),
        ];

        var report = PayScoreCalculator.Compute(history, [], Today);

        Assert.Equal(3, report.PaidInvoices);
        Assert.Equal(80, report.Score);
        Assert.Equal(new DateOnly(2025, 12, 5), windowStart);
    }

    [Fact]
    public void PartialPayments_CountByTheirOwnDates()
    {
        var customer = new CustomerState { Details = ACustomer() };
        customer.OpenInvoices.Add(Invoice.Open("p", AnInvoice(100m, due: new DateOnly(2026, 10, 1))));
        CustomerLedger.RecordPayment(customer, "p", new PaymentDetails(50m, new DateOnly(2026, 10, 1), "half"), null);
        CustomerLedger.RecordPayment(customer, "p", new PaymentDetails(50m, new DateOnly(2026, 10, 31), "rest"), null);
        var history = customer.PaidHistory.Concat([Paid("b", 100, daysLate: 15), Paid("c", 100, daysLate: 15)]).ToList();

        var report = PayScoreCalculator.Compute(history, [], Today);

        Assert.Equal(15m, Assert.Single(customer.PaidHistory).DaysLate);
        Assert.Equal(15m, report.WeightedDaysLate);
        Assert.Equal(70, report.Score);
    }

    [Fact]
    public void SeveralCurrencies_WeighEachInvoiceAgainstItsOwnCurrency()
    {
        PaidInvoiceRecord[] history =
        [
            Paid("eur1", 100, daysLate: 0, currency: "EUR"),
            Paid("eur2", 300, daysLate: 20, currency: "EUR"),
            Paid("jpy1", 10_000, daysLate: 10, currency: "JPY"),
            Paid("jpy2", 10_000, daysLate: 10, currency: "JPY"),
        ];

        var report = PayScoreCalculator.Compute(history, [], Today);

        // EUR weights 0.5 and 1.5, JPY weights 1 and 1: (0 + 30 + 10 + 10) / 4 = 12.5 days late.
        Assert.Equal(12.5m, report.WeightedDaysLate);
        Assert.Contains(report.Explanation, line => line.Contains("not converted", StringComparison.Ordinal));
    }

    [Fact]
    public void FarOverdueOpenInvoices_PullTheScoreDown_AndTheExplanationSaysSo()
    {
        PaidInvoiceRecord[] history = [Paid("a", 100, 0), Paid("b", 100, 0), Paid("c", 100, 0)];
        var overdue = Invoice.Open("late", AnInvoice(100m, due: Today.AddDays(-60)));
        var recent = Invoice.Open("recent", AnInvoice(100m, due: Today.AddDays(-30)));

        var report = PayScoreCalculator.Compute(history, [overdue, recent], Today);

        // (0 + 0 + 0 + 60) / 4 = 15 days late: 70 instead of 80.
        Assert.Equal(70, report.Score);
        Assert.Equal(1, report.OpenOverdueInvoices);
        Assert.Contains(report.Explanation, line => line.Contains("without them the score would be 80", StringComparison.Ordinal));
    }

    [Fact]
    public void OpenOverdueInvoices_AloneNeverScoreACustomer()
    {
        var report = PayScoreCalculator.Compute(
            [Paid("a", 100, 0)], [Invoice.Open("late", AnInvoice(100m, due: Today.AddDays(-200)))], Today);

        Assert.Equal(PayerBand.Unscored, report.Band);
    }

    [Fact]
    public void NextChange_IsWhenAPaidInvoiceLeavesTheWindowOrAnOpenOneBecomesFarOverdue()
    {
        PaidInvoiceRecord[] history = [Paid("a", 100, 0, paidOn: new DateOnly(2026, 3, 1)), Paid("b", 100, 0), Paid("c", 100, 0)];

        Assert.Equal(new DateOnly(2027, 3, 1), PayScoreCalculator.NextChange(history, [], Today));
        Assert.Equal(
            new DateOnly(2026, 12, 31),
            PayScoreCalculator.NextChange(history, [Invoice.Open("o", AnInvoice(due: new DateOnly(2026, 11, 30)))], Today));
        Assert.Null(PayScoreCalculator.NextChange(history.Take(2).ToList(), [], Today));
    }

    [Fact]
    public void TheWorkedExampleOfTheDocs_ComesOutAsWritten()
    {
        PaidInvoiceRecord[] history =
        [
            new("A", "EUR", 900m, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1)),
            new("B", "EUR", 50m, new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31)),
            new("C", "EUR", 50m, new DateOnly(2026, 8, 1), new DateOnly(2026, 9, 30)),
        ];

        var report = PayScoreCalculator.Compute(history, [], Today);

        Assert.Equal((76, PayerBand.Timely, 3, 6m, 0.33m), (report.Score, report.Band, report.PaidInvoices, report.WeightedDaysLate, report.OnTimeShare));
        Assert.Equal(
            [
                "3 invoices were paid since 2025-12-05, 1 of them on or before the due date (33%).",
                "Weighted by amount, they were paid 6 days late on average.",
                "On the PAYDEX scale (100 ≈ 30 days early, 80 = on the due date, 50 ≈ 30 days late, 20 ≈ 120 days late) that is a score of 76.",
                "Scores of 75 and above are timely, 50 to 74 average, below 50 late: this customer is timely.",
            ],
            report.Explanation);
    }

    private static PaidInvoiceRecord Paid(
        string id,
        decimal amount,
        int daysLate,
        DateOnly? paidOn = null,
        string currency = "EUR")
    {
        var paid = paidOn ?? Today.AddDays(-10);
        return new PaidInvoiceRecord(id, currency, amount, paid.AddDays(-daysLate), paid);
    }
}
