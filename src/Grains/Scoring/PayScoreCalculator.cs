using System.Globalization;
using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Scoring;

/// <summary>
/// The Pay Score: the amount-weighted average days late of the invoices paid in the last 12
/// months, on the PAYDEX scale (see <see cref="PaydexScale"/>). At least three paid invoices are
/// needed, else the customer is unscored. Amounts in different currencies are not converted: each
/// invoice weighs its amount relative to the average counted invoice of its own currency. Once a
/// customer is scored, open invoices more than <see cref="FarOverdueDays"/> days overdue count as
/// if paid today, weighted by what is still owed, so that a customer who stopped paying does not
/// keep a good score.
/// </summary>
public static class PayScoreCalculator
{
    public const int MinimumPaidInvoices = 3;
    public const int FarOverdueDays = 30;
    public const int TimelyFrom = 75;
    public const int AverageFrom = 50;

    public static PayScoreReport Compute(
        IReadOnlyList<PaidInvoiceRecord> history,
        IReadOnlyList<Invoice> open,
        DateOnly today)
    {
        var since = WindowStart(today);
        var paid = history.Where(p => p.PaidOn >= since && p.PaidOn <= today).ToList();
        if (paid.Count < MinimumPaidInvoices)
        {
            return Unscored(paid.Count, since);
        }

        var paidItems = paid.Select(p => new Counted(p.Currency, p.Amount, DaysLate(p))).ToList();
        var overdue = open
            .Where(i => i.AmountDue > 0 && today.DayNumber - i.Details.DueDate.DayNumber > FarOverdueDays)
            .Select(i => new Counted(i.Details.Currency, i.AmountDue, today.DayNumber - i.Details.DueDate.DayNumber))
            .ToList();

        var paidDaysLate = WeightedDaysLate(paidItems);
        var daysLate = overdue.Count == 0 ? paidDaysLate : WeightedDaysLate([.. paidItems, .. overdue]);
        var score = PaydexScale.Score(daysLate);
        var onTime = (decimal)paidItems.Count(p => p.DaysLate <= 0) / paidItems.Count;
        var explanation = Explain(paidItems, since, onTime, paidDaysLate, overdue, daysLate, score);
        return new PayScoreReport(
            score, BandOf(score), paid.Count, Math.Round(daysLate, 1), Math.Round(onTime, 2), overdue.Count, explanation);
    }

    /// <summary>The first day of the 12-month window that ends today.</summary>
    public static DateOnly WindowStart(DateOnly today) => today.AddYears(-1).AddDays(1);

    /// <summary>
    /// The next day the score can change without anything happening to the customer: a paid invoice
    /// leaves the window, or an open one becomes far overdue. Null when the customer is unscored.
    /// </summary>
    public static DateOnly? NextChange(IReadOnlyList<PaidInvoiceRecord> history, IReadOnlyList<Invoice> open, DateOnly today)
    {
        var since = WindowStart(today);
        var paid = history.Where(p => p.PaidOn >= since && p.PaidOn <= today).ToList();
        if (paid.Count < MinimumPaidInvoices)
        {
            return null;
        }

        var leaves = paid.Min(p => p.PaidOn).AddYears(1);
        var crossings = open
            .Where(i => i.AmountDue > 0)
            .Select(i => i.Details.DueDate.AddDays(FarOverdueDays + 1))
            .Where(day => day > today);
        return crossings.Append(leaves).Min();
    }

    public static PayerBand BandOf(int? score) => score switch
    {
        null => PayerBand.Unscored,
        >= TimelyFrom => PayerBand.Timely,
        >= AverageFrom => PayerBand.Average,
        _ => PayerBand.Late,
    };

    /// <summary>An invoice's days late: recorded at payment (amount-weighted over its payments) or paid date minus due date.</summary>
    private static decimal DaysLate(PaidInvoiceRecord paid) =>
        paid.DaysLate ?? paid.PaidOn.DayNumber - paid.DueDate.DayNumber;

    private static decimal WeightedDaysLate(IReadOnlyList<Counted> items)
    {
        var averages = items
            .GroupBy(i => i.Currency, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(i => i.Amount), StringComparer.Ordinal);
        var weights = items.Select(i => averages[i.Currency] > 0 ? i.Amount / averages[i.Currency] : 1m).ToList();
        var total = weights.Sum();
        return total == 0 ? 0 : items.Select((item, index) => weights[index] * item.DaysLate).Sum() / total;
    }

    private static PayScoreReport Unscored(int paidCount, DateOnly since) => new(
        null,
        PayerBand.Unscored,
        paidCount,
        null,
        null,
        0,
        [
            $"{Count(paidCount)} paid since {Day(since)}; at least {MinimumPaidInvoices} are needed for a score, so the customer is unscored.",
            "Unscored customers on smart reminders follow the average flow.",
        ]);

    private static List<string> Explain(
        IReadOnlyList<Counted> paid,
        DateOnly since,
        decimal onTime,
        decimal paidDaysLate,
        IReadOnlyList<Counted> overdue,
        decimal daysLate,
        int score)
    {
        var lines = new List<string>
        {
            $"{Count(paid.Count)} paid since {Day(since)}, {paid.Count(p => p.DaysLate <= 0)} of them on or before the due date ({Percent(onTime)}).",
            $"Weighted by amount, they were paid {Late(paidDaysLate)} on average.",
        };
        if (paid.Select(p => p.Currency).Distinct().Count() > 1)
        {
            lines.Add("Amounts in different currencies are not converted: each invoice counts by its size relative to the average invoice in its own currency.");
        }

        if (overdue.Count > 0)
        {
            lines.Add(
                $"{Count(overdue.Count, "open invoice")} more than {FarOverdueDays} days overdue count as if paid today, by what is still owed; " +
                $"with them the average is {Late(daysLate)}, and without them the score would be {PaydexScale.Score(paidDaysLate)}.");
        }

        lines.Add($"On the PAYDEX scale (100 ≈ 30 days early, 80 = on the due date, 50 ≈ 30 days late, 20 ≈ 120 days late) that is a score of {score}.");
        lines.Add($"Scores of {TimelyFrom} and above are timely, {AverageFrom} to {TimelyFrom - 1} average, below {AverageFrom} late: this customer is {BandOf(score).ToString().ToLowerInvariant()}.");
        return lines;
    }

    private static string Count(int count, string what = "invoice") => count == 1 ? $"1 {what} was" : $"{count} {what}s were";

    private static string Late(decimal days)
    {
        var rounded = Math.Round(Math.Abs(days), 1).ToString("0.#", CultureInfo.InvariantCulture);
        return days switch
        {
            < 0 => $"{rounded} days early",
            0 => "on the due date",
            _ => $"{rounded} days late",
        };
    }

    private static string Percent(decimal share) =>
        (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Counted(string Currency, decimal Amount, decimal DaysLate);
}
