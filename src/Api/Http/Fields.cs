using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Mimo.Grains.Email;

namespace Mimo.Api.Http;

/// <summary>The field rules of the API contract, shared by every request validator.</summary>
public static partial class Fields
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxUrlLength = 2048;

    /// <summary>The largest amount accepted, so that sums of many invoices never overflow.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    /// <summary>ISO 8601 instants with an offset: seconds and their fraction are optional.</summary>
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static bool IsId(string? value) => value is not null && IdPattern().IsMatch(value);

    public static void Id(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            errors.Add(field, $"The {field} is required.");
        }
        else if (!IsId(value))
        {
            errors.Add(field, $"The {field} must be 1 to 64 letters, digits, '-', '_' or '.'.");
        }
    }

    /// <summary>An id in a body that also has one in its path: it may be left out, or must be the same.</summary>
    public static void SameId(ValidationErrors errors, string? bodyId, string pathId)
    {
        if (bodyId is not null && !string.Equals(bodyId, pathId, StringComparison.Ordinal))
        {
            errors.Add("id", "The id in the body must be the id in the path, or be left out.");
        }
    }

    /// <summary>A required single-line text of at most <paramref name="maxLength"/> characters.</summary>
    public static void Text(ValidationErrors errors, string field, string? value, int maxLength = MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"The {field} is required and must not be blank.");
            return;
        }

        OptionalText(errors, field, value, maxLength);
    }

    public static void OptionalText(ValidationErrors errors, string field, string? value, int maxLength = MaxNameLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            errors.Add(field, $"The {field} must be at most {maxLength} characters long.");
        }
        else if (value.Any(char.IsControl))
        {
            errors.Add(field, $"The {field} must not contain control characters such as line breaks.");
        }
    }

    public static void Email(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "The email address is required.");
        }
        else if (!IsEmail(value))
        {
            errors.Add(field, $"'{Shorten(value)}' is not a valid email address.");
        }
    }

    public static bool IsEmail(string value) =>
        value.Length <= MaxEmailLength
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && MailAddress.TryCreate(value, out var address)
        && string.Equals(address.Address, value, StringComparison.Ordinal)
        && address.Host.Contains('.', StringComparison.Ordinal);

    public static void TimeZone(ValidationErrors errors, string field, string? value)
    {
        if (value is not null && !IsTimeZone(value))
        {
            errors.Add(field, $"'{Shorten(value)}' is not an IANA time zone such as 'Europe/Berlin'.");
        }
    }

    public static bool IsTimeZone(string value) =>
        value.Length <= 64
        && !value.Any(char.IsControl)
        && TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone)
        && (zone.HasIanaId || value == "UTC");

    public static void Currency(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            errors.Add(field, "The currency is required.");
        }
        else if (!Iso4217.IsKnown(value))
        {
            errors.Add(field, $"'{Shorten(value)}' is not an ISO 4217 currency code such as 'EUR'.");
        }
    }

    /// <summary>A positive amount with no more decimals than the currency has.</summary>
    public static void Amount(ValidationErrors errors, string field, decimal? value, string? currency)
    {
        if (value is not { } amount)
        {
            errors.Add(field, $"The {field} is required.");
        }
        else if (amount <= 0)
        {
            errors.Add(field, $"The {field} must be greater than zero.");
        }
        else if (amount > MaxAmount)
        {
            errors.Add(field, $"The {field} must be at most {MaxAmount.ToString(CultureInfo.InvariantCulture)}.");
        }
        else if (currency is not null
            && Iso4217.TryGetMinorUnits(currency, out var decimals)
            && decimal.Round(amount, decimals) != amount)
        {
            errors.Add(field, $"{currency} amounts have at most {decimals} decimal places.");
        }
    }

    public static void Date(ValidationErrors errors, string field, DateOnly? value, bool required = true)
    {
        if (value is not { } date)
        {
            if (required)
            {
                errors.Add(field, $"The {field} is required.");
            }
        }
        else if (date < EarliestDate || date > LatestDate)
        {
            errors.Add(field, $"The {field} must be between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}.");
        }
    }

    /// <summary>
    /// An instant written in ISO 8601 with its offset, <c>Z</c> or <c>±hh:mm</c>
    /// (<c>2026-11-05T09:00:00+01:00</c>), between <see cref="EarliestDate"/> and
    /// <see cref="LatestDate"/>. Without an offset the same text means a different instant on each
    /// server, so it is refused rather than read in the server's time zone.
    /// </summary>
    public static void Instant(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (!TryParseInstant(value, out var instant))
        {
            errors.Add(
                field,
                $"The {field} must be an ISO 8601 instant with an offset, e.g. 2026-11-05T09:00:00+01:00.");
            return;
        }

        var day = DateOnly.FromDateTime(instant.UtcDateTime);
        if (day < EarliestDate || day > LatestDate)
        {
            errors.Add(field, $"The {field} must be between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}.");
        }
    }

    public static bool TryParseInstant(string? value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(
            value,
            InstantFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out instant);

    public static void Url(ValidationErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        var valid = value.Length <= MaxUrlLength
            && Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        if (!valid)
        {
            errors.Add(field, $"The {field} must be an absolute http or https URL of at most {MaxUrlLength} characters.");
        }
    }

    /// <summary>Keeps echoed input short and printable in error messages.</summary>
    public static string Shorten(string value)
    {
        var printable = new string(value.Take(64).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return value.Length > 64 ? printable + "…" : printable;
    }
}
