using Mimo.Grains.Delivery;

namespace Mimo.Grains.Tests.Delivery;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Delays_GrowFromAMinuteToEightHours_ThenGiveUp()
    {
        var delays = Enumerable.Range(1, RetryPolicy.MaxAttempts).Select(RetryPolicy.DelayAfter).ToList();

        Assert.Equal(TimeSpan.FromMinutes(1), delays[0]);
        Assert.Equal(TimeSpan.FromHours(8), delays[^2]);
        Assert.Null(delays[^1]);
        Assert.True(delays.Take(delays.Count - 1).Zip(delays.Skip(1).Take(delays.Count - 2)).All(p => p.First < p.Second));
    }
}
