using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mimo.Api.Http;

/// <summary>
/// Turns a JSON reading failure into the request field it concerns and a sentence a person can
/// act on, naming what the field expects (found from the request type and the JSON path).
/// </summary>
public static partial class JsonErrors
{
    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>[^']+)'\]|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathSegment();

    /// <summary>What is said of a string that no .NET string can hold (thrown as a JsonException's message).</summary>
    public const string NotUnicode =
        "The value is not valid Unicode text (a lone surrogate or bytes that are not UTF-8).";

    public static (string Field, string Message) Describe(JsonException exception, Type? requestType)
    {
        var field = FieldOf(exception.Path);
        if (exception.InnerException?.GetType().Name == "JsonReaderException")
        {
            return (field, "The body is not valid JSON" + Position(exception) + ".");
        }

        if (exception.Message == NotUnicode)
        {
            return (field, NotUnicode);
        }

        var target = requestType is null ? null : TypeAt(requestType, exception.Path);
        return target is null
            ? (field, "The value is not valid here" + Position(exception) + ".")
            : (field, $"The value must be {Expected(target)}.");
    }

    /// <summary><c>$.contacts[0].email</c> becomes <c>contacts[0].email</c>; the root is <c>$</c>.</summary>
    public static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$"
        : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
        : path;

    /// <summary>The .NET type the JSON path leads to in the request type, or null when it leads nowhere.</summary>
    public static Type? TypeAt(Type root, string? path)
    {
        var type = root;
        foreach (Match segment in PathSegment().Matches(path ?? ""))
        {
            type = segment.Groups["index"].Success ? ElementType(type) : MemberType(type, segment.Groups["name"].Value);
            if (type is null)
            {
                return null;
            }
        }

        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static Type? MemberType(Type type, string name)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (DictionaryValueType(type) is { } valueType)
        {
            return valueType;
        }

        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property?.PropertyType;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1]
        : null;

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericArguments().Length == 2 && typeof(IEnumerable).IsAssignableFrom(type)
            ? type.GetGenericArguments()[1]
            : null;

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "a number",
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(string) => "a string",
        _ when type == typeof(DateOnly) => "a date written YYYY-MM-DD",
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) =>
            "an ISO 8601 instant with an offset, e.g. 2026-11-05T09:00:00+01:00",
        _ when type == typeof(TimeOnly) => "a time written HH:mm",
        { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type).Select(SnakeCase)),
        _ when DictionaryValueType(type) is not null => "an object",
        _ when typeof(IEnumerable).IsAssignableFrom(type) => "an array",
        _ => "an object",
    };

    private static string SnakeCase(string name) => $"'{JsonNamingPolicy.SnakeCaseLower.ConvertName(name)}'";

    private static string Position(JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? $" (line {line + 1}, position {position + 1})"
            : "";
}
