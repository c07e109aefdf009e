using System.Globalization;
using System.Text.Json;
using Mimo.Grains.Interfaces.Common;

namespace Mimo.Api.Tenants;

/// <summary>How tenant settings are written in JSON: <c>HH:mm</c> times, <c>Mon</c>…<c>Sun</c>, band names.</summary>
public static class TenantFormats
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static bool TryParseSendTime(string value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static TimeOnly ParseSendTime(string value) =>
        TryParseSendTime(value, out var time) ? time : throw new FormatException($"'{value}' is not HH:mm.");

    public static string FormatSendTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static bool IsDay(string value) => Array.IndexOf(DayNames, value) >= 0;

    public static DayOfWeek ParseDay(string value) => (DayOfWeek)Array.IndexOf(DayNames, value);

    public static string FormatDay(DayOfWeek day) => DayNames[(int)day];

    public static bool IsBand(string value) => Enum.GetValues<PayerBand>().Any(b => FormatBand(b) == value);

    public static PayerBand ParseBand(string value) => Enum.GetValues<PayerBand>().First(b => FormatBand(b) == value);

    public static string FormatBand(PayerBand band) => JsonNamingPolicy.SnakeCaseLower.ConvertName(band.ToString());
}
