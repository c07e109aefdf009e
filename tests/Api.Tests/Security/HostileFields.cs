using System.Text.Json;
using System.Text.Json.Nodes;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Security;

/// <summary>A field of a request body: where it is, and what kind of value it holds.</summary>
public sealed record HostileField(IReadOnlyList<object> Path, string Kind, string? FirstElementJson)
{
    public string Name => string.Concat(Path.Select((p, i) => p is int n ? $"[{n}]" : i == 0 ? $"{p}" : $".{p}"));
}

/// <summary>
/// Finds the fields of a request body from its schema in the OpenAPI document and from a valid
/// body (for fields the schema leaves open), and writes a hostile value into one of them.
/// </summary>
public static class HostileFields
{
    private const string Sentinel = "@@hostile@@";
    private const int MaxDepth = 3;

    public static IReadOnlyList<HostileField> Of(ApiDocument document, JsonElement schema, string validBody) =>
        Walk(document, document.Resolve(schema), JsonNode.Parse(validBody), [], 0).ToList();

    /// <summary>The valid body with the value at <paramref name="field"/> replaced by raw JSON text.</summary>
    public static string With(string validBody, IReadOnlyList<object> field, string rawJson)
    {
        var root = JsonNode.Parse(validBody)!;
        var parent = root;
        foreach (var segment in field.Take(field.Count - 1))
        {
            parent = segment is int index ? parent[index]! : parent[(string)segment]!;
        }

        if (field[^1] is int last)
        {
            parent[last] = Sentinel;
        }
        else
        {
            parent[(string)field[^1]] = Sentinel;
        }

        return root.ToJsonString().Replace($"\"{Sentinel}\"", rawJson, StringComparison.Ordinal);
    }

    private static IEnumerable<HostileField> Walk(
        ApiDocument document,
        JsonElement schema,
        JsonNode? body,
        List<object> prefix,
        int depth)
    {
        foreach (var name in PropertyNames(schema, body))
        {
            var propertySchema = PropertySchema(document, schema, name);
            var value = body is JsonObject obj && obj.TryGetPropertyValue(name, out var v) ? v : null;
            var path = new List<object>(prefix) { name };
            var kind = KindOf(propertySchema, value);
            var first = value is JsonArray { Count: > 0 } array ? array[0]?.ToJsonString() : null;
            yield return new HostileField(path, kind, first);

            if (depth >= MaxDepth)
            {
                continue;
            }

            var nested = kind switch
            {
                "object" when value is JsonObject => Walk(document, propertySchema, value, path, depth + 1),
                "array" when value is JsonArray { Count: > 0 } items && items[0] is JsonObject =>
                    Walk(document, ItemSchema(document, propertySchema), items[0], [.. path, 0], depth + 1),
                _ => [],
            };
            foreach (var field in nested)
            {
                yield return field;
            }
        }
    }

    private static IEnumerable<string> PropertyNames(JsonElement schema, JsonNode? body)
    {
        var fromSchema = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var p)
            ? p.EnumerateObject().Select(property => property.Name)
            : [];
        var fromBody = body is JsonObject obj ? obj.Select(property => property.Key) : [];
        return fromSchema.Union(fromBody, StringComparer.Ordinal);
    }

    private static JsonElement PropertySchema(ApiDocument document, JsonElement schema, string name) =>
        schema.ValueKind == JsonValueKind.Object
        && schema.TryGetProperty("properties", out var properties)
        && properties.TryGetProperty(name, out var property)
            ? document.Resolve(property)
            : default;

    private static JsonElement ItemSchema(ApiDocument document, JsonElement arraySchema) =>
        arraySchema.ValueKind == JsonValueKind.Object && arraySchema.TryGetProperty("items", out var items)
            ? document.Resolve(items)
            : default;

    private static string KindOf(JsonElement schema, JsonNode? value)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out _))
        {
            return "enum";
        }

        var format = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f)
            ? f.GetString()
            : null;
        return (ApiDocument.TypeOf(schema), format) switch
        {
            ("string", "date") => "date",
            ("string", "date-time") => "date-time",
            (string type, _) when type != "null" => type,
            _ => KindOf(value),
        };
    }

    private static string KindOf(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.Number => "number",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "string",
    };
}
