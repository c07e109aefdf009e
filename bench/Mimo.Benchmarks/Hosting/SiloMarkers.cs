using System.Globalization;

namespace Mimo.Benchmarks.Hosting;

/// <summary>
/// Lines the bench's silo host prints for the bench to read: <c>mimo-bench: {name} {unix ms}</c>,
/// stamped by the silo itself so that a slow reader does not add to a measured time.
/// </summary>
internal static class SiloMarkers
{
    public const string Prefix = "mimo-bench: ";
    public const string Started = "silo-started";
    public const string ReminderServiceStarted = "reminder-service-started";

    public static void Print(string name) =>
        Console.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Prefix}{name} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}"));

    /// <summary>The instant of marker <paramref name="name"/> in <paramref name="output"/>, if printed.</summary>
    public static DateTimeOffset? Find(string output, string name)
    {
        var start = output.IndexOf(Prefix + name + " ", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var value = output.AsSpan(start + Prefix.Length + name.Length + 1);
        var end = value.IndexOfAny('\r', '\n');
        var digits = end < 0 ? value : value[..end];
        return DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(digits, CultureInfo.InvariantCulture));
    }
}
