using System.Text;
using System.Text.Json;
using Mimo.Api.Http;
using Mimo.Api.Reminders;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.Security;

/// <summary>
/// Generates hostile requests for the operations of the OpenAPI document: broken bodies, a
/// hostile value in each field of a valid body, hostile path segments, query strings and headers.
/// The valid requests they start from come from the <see cref="RouteCatalogue"/>.
/// </summary>
public sealed class HostileCases(ApiDocument document, RouteIds ids)
{
    private const string Json = "application/json; charset=utf-8";

    private static readonly string[] HostileIds =
    [
        "has%20space", "%00", "%0D%0ABcc%3A%20x", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "x'%20OR%20'1'%3D'1",
        "%E2%80%A8", "%F0%9F%9A%80", "%C0%AF", "%FF", "a%2Fb", new string('a', 65), new string('a', 4000),
    ];

    private static readonly string[] HostileQueries =
    [
        "limit=NaN", "limit=1e400", "limit=-1", "limit=0", "limit=99999999999999999999", "limit=1&limit=2",
        "cursor=%00%FF", "cursor=" + new string('A', 4000), "cursor=..%2F..%2Fetc", "band=%3Cscript%3E",
        "tag=%0D%0ABcc", "mode=%27%20OR%201%3D1--", "kind=%F0%9F%9A%80", "before=9999-99-99", "source=%00",
    ];

    /// <summary>Broken bodies and hostile values that every operation with a body must refuse.</summary>
    public IEnumerable<HostileCase> RefusedBodies() =>
        WithBody().SelectMany(o => BrokenBodies(o.Operation, o.Path, o.Body)
            .Concat(FieldCases(o.Operation, o.Path, o.Body).Where(c => c.Expectation == HostileExpectation.Refused)));

    /// <summary>Odd values that may be valid for some fields: never a 5xx, and kept exactly when accepted.</summary>
    public IEnumerable<HostileCase> ToleratedBodies() =>
        WithBody().SelectMany(o => FieldCases(o.Operation, o.Path, o.Body))
            .Where(c => c.Expectation == HostileExpectation.Tolerated);

    /// <summary>Hostile path segments, query strings and headers on every operation that takes them.</summary>
    public IEnumerable<HostileCase> Parameters() =>
        document.Operations.SelectMany(operation => PathCases(operation)
            .Concat(QueryCases(operation))
            .Concat(HeaderCases(operation)));

    private IEnumerable<(ApiOperation Operation, string Path, string Body)> WithBody() =>
        document.Operations
            .Where(o => o.BodyContentType is not null)
            .Select(o => (o, Valid(o)))
            .Select(x => (x.o, x.Item2.Path, x.Item2.Body!));

    private (string Path, string? Body) Valid(ApiOperation operation) =>
        (RouteCatalogue.Find(operation.Method, operation.Path)
            ?? throw new InvalidOperationException($"{operation} is not in the route catalogue.")).Fill(ids);

    private IEnumerable<HostileCase> BrokenBodies(ApiOperation operation, string path, string body)
    {
        var type = operation.BodyContentType!;
        HostileCase Case(string name, byte[] bytes, string? contentType = null) =>
            new(operation.Key, name, operation.Method, path, bytes, contentType ?? type, HostileExpectation.Refused);
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        yield return Case("truncated", Utf8(body[..(body.Length / 2)]));
        yield return Case("unclosed", Utf8(body[..^1]));
        yield return Case("trailing garbage", Utf8(body + "}"));
        yield return Case("not JSON", Utf8("not json at all"));
        yield return Case("empty", []);
        yield return Case("null", Utf8("null"));
        yield return Case("array", Utf8("[]"));
        yield return Case("number", Utf8("42"));
        yield return Case("string", Utf8("\"text\""));
        var deep = "{\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        yield return Case("nested 10,000 deep", Utf8(deep));
        yield return Case("bare NaN", Utf8(body[..^1] + ",\"hostile\":NaN}"));
        if (InvalidUtf8(operation, body) is { } invalid)
        {
            yield return Case("invalid UTF-8", invalid);
        }

        yield return Case("text/plain", Utf8(body), "text/plain");
        yield return Case("application/xml", Utf8(body), "application/xml");
        yield return Case("form", Utf8(body), "application/x-www-form-urlencoded");
        yield return Case("other JSON type", Utf8(body), type.Contains("ndjson") ? Json : "application/x-ndjson");
        yield return new HostileCase(operation.Key, "no content type", operation.Method, path, Utf8(body), null,
            HostileExpectation.Refused);
        if (!operation.Path.StartsWith("/v1/import", StringComparison.Ordinal))
        {
            var limit = operation.Path == "/v1/reminders/batch"
                ? ManualBatchRequest.MaxBodyBytes
                : RequestLimits.MaxJsonBodyBytes;
            yield return Case("over the size limit", Utf8($"{{\"name\":\"{new string('x', (int)limit)}\"}}")) with
            {
                ExpectContinue = true,
            };
        }
    }

    /// <summary>The body with bytes that are not UTF-8 in its first text field, which the API reads.</summary>
    private byte[]? InvalidUtf8(ApiOperation operation, string body)
    {
        var field = HostileFields.Of(document, Schema(operation), body).FirstOrDefault(f => f.Kind == "string");
        if (field is null)
        {
            return null;
        }

        var parts = HostileFields.With(body, field.Path, "\"@@bytes@@\"").Split("@@bytes@@");
        return [.. Encoding.UTF8.GetBytes(parts[0]), 0xFF, 0xC0, 0xAF, .. Encoding.UTF8.GetBytes(parts[1])];
    }

    private IEnumerable<HostileCase> FieldCases(ApiOperation operation, string path, string body)
    {
        var type = IsNdjson(operation) ? operation.BodyContentType : Json;
        foreach (var field in HostileFields.Of(document, Schema(operation), body))
        {
            foreach (var value in HostileValues.For(field.Kind, field.FirstElementJson))
            {
                var hostile = HostileFields.With(body, field.Path, value.Json);
                var expectation = value.MustBeRefused ? HostileExpectation.Refused : HostileExpectation.Tolerated;
                yield return new HostileCase(
                    operation.Key, $"{field.Name}: {value.Name}", operation.Method, path,
                    Encoding.UTF8.GetBytes(hostile), type, expectation)
                {
                    ReadBack = SentString(value.Json) is { } sent ? new ReadBack(field.Path, sent) : null,
                };
            }
        }
    }

    private IEnumerable<HostileCase> PathCases(ApiOperation operation)
    {
        if (operation.PathParameters.Count == 0)
        {
            yield break;
        }

        var (_, body) = Valid(operation);
        var contentType = IsNdjson(operation) ? operation.BodyContentType : Json;
        foreach (var parameter in operation.PathParameters)
        {
            foreach (var id in HostileIds)
            {
                var path = Fill(operation.Path.Replace($"{{{parameter}}}", id, StringComparison.Ordinal));
                yield return new HostileCase(
                    operation.Key, $"{parameter}={Shorten(id)}", operation.Method, path,
                    body is null ? null : Encoding.UTF8.GetBytes(body), body is null ? null : contentType,
                    HostileExpectation.RefusedUnlessRead)
                {
                    // Kestrel refuses a NUL in the path before the application sees the request.
                    RefusedByServer = id == "%00",
                };
            }
        }
    }

    private IEnumerable<HostileCase> QueryCases(ApiOperation operation) =>
        operation.Method != HttpMethod.Get
            ? []
            : HostileQueries.Select(query => new HostileCase(
                operation.Key, Shorten(query), HttpMethod.Get, Fill(operation.Path) + "?" + query, null, null,
                HostileExpectation.Tolerated));

    private IEnumerable<HostileCase> HeaderCases(ApiOperation operation)
    {
        if (!operation.HeaderParameters.Contains(IdempotencyKeys.Header))
        {
            yield break;
        }

        var (path, body) = Valid(operation);
        yield return new HostileCase(
            operation.Key, "overlong Idempotency-Key", operation.Method, path, Encoding.UTF8.GetBytes(body!), Json,
            HostileExpectation.Refused)
        {
            Header = (IdempotencyKeys.Header, new string('k', 1000)),
        };
    }

    private static bool IsNdjson(ApiOperation operation) => operation.BodyContentType?.Contains("ndjson") == true;

    // An import line's schema lists the fields of every kind of line: only those of the line sent are read.
    private static JsonElement Schema(ApiOperation operation) => IsNdjson(operation) ? default : operation.BodySchema;

    private string Fill(string pathTemplate) => new RouteCase("", HttpMethod.Get, pathTemplate, null).Fill(ids).Path;

    private static string Shorten(string text) => text.Length > 40 ? $"{text[..20]}…({text.Length})" : text;

    private static string? SentString(string json)
    {
        try
        {
            return json.StartsWith('"') ? JsonSerializer.Deserialize<string>(json) : null;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
