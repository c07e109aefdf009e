using System.Net;
using System.Text.Json;

namespace Mimo.Api.Tests.Infrastructure;

/// <summary>One operation of the OpenAPI document the API serves.</summary>
public sealed record ApiOperation(HttpMethod Method, string Path, JsonElement Definition)
{
    public string Key => $"{Method} {Path}";

    /// <summary>The names of the path parameters, in the order they appear.</summary>
    public IReadOnlyList<string> PathParameters => Parameters("path");

    public IReadOnlyList<string> HeaderParameters => Parameters("header");

    /// <summary>The media type of the request body, or null when the operation takes none.</summary>
    public string? BodyContentType =>
        Definition.TryGetProperty("requestBody", out var body)
            ? body.GetProperty("content").EnumerateObject().First().Name
            : null;

    /// <summary>The schema of the request body, or an empty schema when it has none.</summary>
    public JsonElement BodySchema =>
        Definition.TryGetProperty("requestBody", out var body)
            ? body.GetProperty("content").EnumerateObject().First().Value.GetProperty("schema")
            : default;

    public override string ToString() => Key;

    private List<string> Parameters(string location) =>
        Definition.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == location)
                .Select(p => p.GetProperty("name").GetString()!)
                .ToList()
            : [];
}

/// <summary>The OpenAPI document of the running API (<c>/openapi/v1.json</c>), as tests walk it.</summary>
public sealed class ApiDocument(JsonElement root)
{
    public const string Path = "/openapi/v1.json";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static async Task<ApiDocument> LoadAsync(HttpClient client)
    {
        var response = await client.GetAsync(Path);
        return new ApiDocument(await response.JsonAsync(HttpStatusCode.OK));
    }

    public IReadOnlyList<ApiOperation> Operations =>
        root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => Methods.Contains(op.Name))
                .Select(op => new ApiOperation(new HttpMethod(op.Name.ToUpperInvariant()), path.Name, op.Value)))
            .ToList();

    /// <summary>
    /// The schema a <c>$ref</c>, a nullable <c>oneOf</c> or a nullable type list stands for, so that
    /// callers see one concrete schema.
    /// </summary>
    public JsonElement Resolve(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return schema;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(root.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        if (schema.TryGetProperty("oneOf", out var choices))
        {
            var concrete = choices.EnumerateArray().Where(c => !IsNullType(c)).ToList();
            return concrete.Count == 1 ? Resolve(concrete[0]) : schema;
        }

        return schema;
    }

    /// <summary>The JSON type a schema names, without <c>null</c>: string, number, integer, array, object.</summary>
    public static string? TypeOf(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }

    private static bool IsNullType(JsonElement schema) =>
        schema.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String
        && type.GetString() == "null";
}
