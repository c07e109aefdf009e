namespace Mimo.Grains.Scoring;

/// <summary>
/// Days late mapped onto the 1–100 PAYDEX scale: 100 ≈ 30 days early, 80 = on the due date,
/// 70 ≈ 15 days late, 50 ≈ 30, 40 ≈ 60, 30 ≈ 90, 20 ≈ 120, falling to 1 at 240 days late.
/// Between these anchor points the score moves in a straight line; it is rounded to a whole number.
/// </summary>
public static class PaydexScale
{
    private static readonly (decimal DaysLate, decimal Score)[] Anchors =
    [
        (-30, 100), (0, 80), (15, 70), (30, 50), (60, 40), (90, 30), (120, 20), (240, 1),
    ];

    public static int Score(decimal daysLate)
    {
        if (daysLate <= Anchors[0].DaysLate)
        {
            return (int)Anchors[0].Score;
        }

        for (var i = 1; i < Anchors.Length; i++)
        {
            var (toDays, toScore) = Anchors[i];
            if (daysLate <= toDays)
            {
                var (fromDays, fromScore) = Anchors[i - 1];
                var score = fromScore + ((toScore - fromScore) * (daysLate - fromDays) / (toDays - fromDays));
                return (int)Math.Round(score, MidpointRounding.AwayFromZero);
            }
        }

        return (int)Anchors[^1].Score;
    }
}
