using System.Globalization;
using System.Text.RegularExpressions;

namespace Mimo.Grains.Email;

/// <summary>
/// Bounds the .NET format strings a template hands to <c>format_number</c> and <c>format_string</c>.
/// A precision or width such as <c>'F99999999'</c> makes .NET build a string of a hundred million
/// characters (hundreds of megabytes, seconds of work) before the output limit can see it, so such
/// formats are refused before anything is formatted.
/// </summary>
internal static partial class FormatLimits
{
    /// <summary>The largest precision of a standard numeric format, as in <c>N2</c> or <c>F50</c>.</summary>
    public const int MaxPrecision = 50;

    /// <summary>The widest alignment of a composite format item, as in <c>{0,20}</c>.</summary>
    public const int MaxWidth = 1000;

    // One letter and its precision, such as N2; custom formats (#,##0.00) grow only with their own length.
    [GeneratedRegex(@"^\s*[A-Za-z]\s*(?<precision>\d+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex StandardFormat();

    // {index[,alignment][:format]}
    [GeneratedRegex(
        @"\{\s*\d+\s*(?:,\s*(?<width>-?\s*\d+)\s*)?(?::(?<format>[^{}]*))?\}",
        RegexOptions.CultureInvariant)]
    private static partial Regex FormatItem();

    /// <exception cref="FormatException">The format asks for more than <see cref="MaxPrecision"/> digits.</exception>
    public static void CheckNumberFormat(string filter, string? format)
    {
        if (format is not null
            && StandardFormat().Match(format) is { Success: true } standard
            && !Within(standard.Groups["precision"].Value, MaxPrecision))
        {
            throw new FormatException(
                $"{filter} allows a precision of at most {MaxPrecision} digits, as in 'N2'; " +
                $"'{Shorten(format)}' asks for more.");
        }
    }

    /// <exception cref="FormatException">An item is wider than <see cref="MaxWidth"/> or too precise.</exception>
    public static void CheckCompositeFormat(string filter, string format)
    {
        foreach (Match item in FormatItem().Matches(format))
        {
            var width = item.Groups["width"].Value.Replace(" ", "", StringComparison.Ordinal).TrimStart('-');
            if (width.Length > 0 && !Within(width, MaxWidth))
            {
                throw new FormatException(
                    $"{filter} allows a width of at most {MaxWidth} characters; " +
                    $"'{Shorten(item.Value)}' asks for more.");
            }

            if (item.Groups["format"] is { Success: true } itemFormat)
            {
                CheckNumberFormat(filter, itemFormat.Value);
            }
        }
    }

    private static bool Within(string digits, int max) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max;

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
