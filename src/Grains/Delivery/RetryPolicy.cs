namespace Mimo.Grains.Delivery;

/// <summary>
/// When a transient delivery failure is tried again: after 1, 5, 15 and 30 minutes, then 1, 2, 4
/// and 8 hours; after the ninth failed attempt (about 16 hours of trying) the email is given up.
/// </summary>
public static class RetryPolicy
{
    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
    ];

    public static int MaxAttempts => Delays.Length + 1;

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt, or null to give up.</summary>
    public static TimeSpan? DelayAfter(int attempts) =>
        attempts >= 1 && attempts <= Delays.Length ? Delays[attempts - 1] : null;

}
