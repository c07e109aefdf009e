using System.Globalization;
using System.Text;

namespace Mimo.Grains.Email;

/// <summary>
/// Makes text safe for a single header line: control characters and line or paragraph
/// separators become spaces, runs of whitespace become one space, and the ends are trimmed.
/// </summary>
internal static class HeaderText
{
    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var clean = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (IsBreaking(c) || char.IsWhiteSpace(c))
            {
                pendingSpace = clean.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                clean.Append(' ');
                pendingSpace = false;
            }

            clean.Append(c);
        }

        return clean.ToString();
    }

    private static bool IsBreaking(char c) =>
        char.IsControl(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
