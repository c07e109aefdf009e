namespace Mimo.Api.Tests.Security;

/// <summary>
/// A value put in place of one field, as raw JSON text (so that it can also be text that is not
/// JSON, such as <c>NaN</c>). <see cref="MustBeRefused"/> says the API has to answer 4xx: a wrong
/// type, a number no JSON reader accepts, a date that does not exist or is out of range. Other
/// values are odd but may be valid for some fields; accepted, they must read back as sent.
/// </summary>
public sealed record HostileValue(string Name, string Json, bool MustBeRefused);

/// <summary>The hostile values for each kind of field.</summary>
public static class HostileValues
{
    public const int HugeStringLength = 100_000;
    public const int HugeArrayLength = 10_000;

    public static IReadOnlyList<HostileValue> For(string kind, string? firstElementJson = null) => kind switch
    {
        "date" => [.. WrongForString, .. BadDates, .. OddStrings],
        "date-time" => [.. WrongForString, .. BadInstants, .. OddStrings],
        "enum" => [.. BadEnums, new("null", "null", false), new("upper case", "\"SMART\"", false)],
        "number" => [.. BadNumbers, .. OddNumbers],
        "integer" => [.. BadNumbers, .. BadIntegers, .. OddNumbers],
        "boolean" => [Refused("string", "\"true\""), Refused("number", "1"), new("null", "null", false)],
        "array" => [.. BadArrays, .. OddArrays(firstElementJson ?? "\"x\"")],
        "object" => [Refused("string", "\"x\""), Refused("number", "1"), Refused("array", "[]"),
            new("null", "null", false), new("empty object", "{}", false)],
        _ => [.. WrongForString, .. OddStrings],
    };

    private static readonly HostileValue[] WrongForString =
    [
        Refused("number", "42"),
        Refused("boolean", "true"),
        Refused("object", "{}"),
        Refused("array", "[\"x\"]"),
        Refused("bare NaN", "NaN"),
    ];

    private static readonly HostileValue[] OddStrings =
    [
        new("null", "null", false),
        new("empty", "\"\"", false),
        new("huge string", $"\"{new string('x', HugeStringLength)}\"", false),
        new("NUL character", "\"a\\u0000b\"", false),
        new("header injection", "\"Acme\\r\\nBcc: victim@evil.example\"", false),
        new("unusual Unicode", "\"Zoë Ölçer – 株式会社 🚀 مرحبا \\u202Eevil\\u202C e\\u0301 \\u200B\"", false),
        new("line separator", "\"Acme\\u2028Bcc: victim@evil.example\"", false),
        new("lone surrogate", "\"x\\ud800y\"", false),
        new("SQL", "\"x'); DROP TABLE customers;--\"", false),
        new("script", "\"<script>alert(1)</script><img src=x onerror=alert(1)>\"", false),
        new("Liquid", "\"{{ tenant.name }}{% for i in (1..100000) %}x{% endfor %}\"", false),
        new("NaN text", "\"NaN\"", false),
    ];

    private static readonly HostileValue[] BadDates =
    [
        Refused("30 February", "\"2026-02-30\""),
        Refused("year 1", "\"0001-01-01\""),
        Refused("year 9999", "\"9999-12-31\""),
        Refused("negative year", "\"-2026-01-01\""),
        Refused("no leading zeros", "\"2026-1-1\""),
        Refused("instant for a date", "\"2026-10-01T00:00:00Z\""),
    ];

    private static readonly HostileValue[] BadInstants =
    [
        Refused("no offset", "\"2030-01-01T00:00:00\""),
        Refused("year 1", "\"0001-01-01T00:00:00Z\""),
        Refused("year 9999", "\"9999-12-31T23:59:59Z\""),
        Refused("month 13", "\"2030-13-01T00:00:00Z\""),
        Refused("date only", "\"2030-01-01\""),
    ];

    private static readonly HostileValue[] BadEnums =
    [
        Refused("number", "42"),
        Refused("unknown name", "\"not_a_value\""),
        Refused("empty", "\"\""),
        Refused("array", "[\"smart\"]"),
    ];

    private static readonly HostileValue[] BadNumbers =
    [
        Refused("string", "\"12\""),
        Refused("boolean", "true"),
        Refused("object", "{}"),
        Refused("array", "[1]"),
        Refused("NaN", "NaN"),
        Refused("Infinity", "Infinity"),
        Refused("-Infinity", "-Infinity"),
        Refused("1e400", "1e400"),
        Refused("-1e400", "-1e400"),
        Refused("over decimal range", "79228162514264337593543950336"),
        Refused("hexadecimal", "0x10"),
        Refused("leading zero", "012"),
    ];

    private static readonly HostileValue[] BadIntegers =
    [
        Refused("fraction", "1.5"),
        Refused("over int range", "2147483648"),
        Refused("under int range", "-2147483649"),
    ];

    private static readonly HostileValue[] OddNumbers =
    [
        new("null", "null", false),
        new("zero", "0", false),
        new("negative", "-1", false),
        new("negative zero", "-0", false),
        new("underflow", "1e-400", false),
        new("28 decimals", "0.0000000000000000000000000001", false),
        new("exponent", "1E+2", false),
    ];

    private static readonly HostileValue[] BadArrays =
    [
        Refused("string", "\"x\""),
        Refused("number", "1"),
        Refused("object", "{}"),
    ];

    private static IEnumerable<HostileValue> OddArrays(string element) =>
    [
        new("null", "null", false),
        new("empty", "[]", false),
        new("null element", "[null]", false),
        new("nested arrays", "[[[]]]", false),
        new("huge array", "[" + string.Join(',', Enumerable.Repeat(element, HugeArrayLength)) + "]", false),
    ];

    private static HostileValue Refused(string name, string json) => new(name, json, true);
}
