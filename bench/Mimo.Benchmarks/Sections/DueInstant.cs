namespace Mimo.Benchmarks.Sections;

/// <summary>
/// The instant every customer of a dispatch measurement is due at: a whole minute (a tenant's send
/// time is <c>HH:mm</c>) far enough ahead for the setup to finish first. The setup of the small
/// size tells how long the large one will take; the first guess is generous.
/// </summary>
internal static class DueInstant
{
    private static readonly TimeSpan FixedMargin = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan FirstGuessPerCustomer = TimeSpan.FromMilliseconds(10);
    private const double Headroom = 2;

    public static DateTimeOffset After(DateTimeOffset now, int customers, TimeSpan? knownSetupPerCustomer)
    {
        var perCustomer = knownSetupPerCustomer * Headroom ?? FirstGuessPerCustomer;
        var earliest = (now + FixedMargin + perCustomer * customers).UtcDateTime;
        var minute = new DateTimeOffset(
            earliest.Year, earliest.Month, earliest.Day, earliest.Hour, earliest.Minute, 0, TimeSpan.Zero);
        return minute < earliest ? minute.AddMinutes(1) : minute;
    }
}
