using Mimo.Grains.Scoring;

namespace Mimo.Grains.Tests.Scoring;

public sealed class PaydexScaleTests
{
    [Theory]
    [InlineData(-60, 100)]
    [InlineData(-30, 100)]
    [InlineData(0, 80)]
    [InlineData(15, 70)]
    [InlineData(30, 50)]
    [InlineData(60, 40)]
    [InlineData(90, 30)]
    [InlineData(120, 20)]
    [InlineData(240, 1)]
    [InlineData(1000, 1)]
    public void AnchorPoints(int daysLate, int expected)
    {
        Assert.Equal(expected, PaydexScale.Score(daysLate));
    }

    [Theory]
    [InlineData(-15, 90)]
    [InlineData(7.5, 75)]
    [InlineData(22.5, 60)]
    [InlineData(45, 45)]
    [InlineData(105, 25)]
    [InlineData(3, 78)]
    [InlineData(0.75, 79.5)]
    public void BetweenAnchors_TheScoreMovesInAStraightLine(decimal daysLate, decimal exact)
    {
        Assert.Equal((int)Math.Round(exact, MidpointRounding.AwayFromZero), PaydexScale.Score(daysLate));
    }

    [Fact]
    public void LaterIsNeverBetter()
    {
        var scores = Enumerable.Range(-60, 360).Select(d => PaydexScale.Score(d)).ToList();

        Assert.True(scores.Zip(scores.Skip(1)).All(pair => pair.First >= pair.Second));
        Assert.All(scores, s => Assert.InRange(s, 1, 100));
    }
}
