using System.Net;
using System.Text.Json;

namespace Mimo.Api.Tests.Security;

/// <summary>Sends hostile cases and says, for each, what was wrong with the answer (nothing, mostly).</summary>
public sealed class HostileRunner(HttpClient tenant, HttpClient operatorClient)
{
    private const int Excerpt = 300;

    /// <summary>Every case that was answered wrongly, as "operation [case]: status: why".</summary>
    public async Task<IReadOnlyList<string>> RunAsync(IEnumerable<HostileCase> cases)
    {
        var failures = new List<string>();
        foreach (var hostile in cases)
        {
            if (await CheckAsync(hostile) is { } failure)
            {
                failures.Add($"{hostile}: {failure}");
            }
        }

        return failures;
    }

    private async Task<string?> CheckAsync(HostileCase hostile)
    {
        var client = hostile.Path.StartsWith("/v1/tenants", StringComparison.Ordinal) ? operatorClient : tenant;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(hostile.Request());
        }
        catch (HttpRequestException exception)
        {
            return $"no answer ({exception.Message})";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var said = $"{status}: {text[..Math.Min(Excerpt, text.Length)]}";
            return status switch
            {
                >= 500 => said,
                400 when hostile.RefusedByServer && text.Length == 0 => null,
                >= 400 => ProblemFault(response, status, text) is { } fault ? $"{status} {fault}" : null,
                _ => await SuccessFaultAsync(hostile, response, client, text) is { } wrong ? $"{said} — {wrong}" : null,
            };
        }
    }

    private static string? ProblemFault(HttpResponseMessage response, int status, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"is not application/problem+json but '{response.Content.Headers.ContentType}'";
        }

        using var problem = JsonDocument.Parse(text);
        var root = problem.RootElement;
        var hasTitle = root.TryGetProperty("title", out var title) && !string.IsNullOrEmpty(title.GetString());
        var hasStatus = root.TryGetProperty("status", out var said) && said.GetInt32() == status;
        return hasTitle && hasStatus ? null : $"is a ProblemDetails without title or status: {text}";
    }

    private static async Task<string?> SuccessFaultAsync(
        HostileCase hostile,
        HttpResponseMessage response,
        HttpClient client,
        string text)
    {
        switch (hostile.Expectation)
        {
            case HostileExpectation.Refused when hostile.IsImport:
                return JsonDocument.Parse(text).RootElement.GetProperty("accepted").GetInt32() == 0
                    ? null
                    : "an import line was accepted";
            case HostileExpectation.Refused:
                return "was accepted";
            case HostileExpectation.RefusedUnlessRead:
                return hostile.Method == HttpMethod.Get ? null : "was accepted";
            default:
                return hostile.ReadBack is { } readBack
                    ? await ReadBackFaultAsync(hostile, response, client, text, readBack)
                    : null;
        }
    }

    /// <summary>An accepted string must be kept exactly: in the answer, and when the resource is read again.</summary>
    private static async Task<string?> ReadBackFaultAsync(
        HostileCase hostile,
        HttpResponseMessage response,
        HttpClient client,
        string text,
        ReadBack readBack)
    {
        var answered = Differs(text, readBack);
        if (answered is not null)
        {
            return $"answered {answered}";
        }

        var resource = hostile.Method == HttpMethod.Post ? response.Headers.Location?.OriginalString : hostile.Path;
        if (resource is null || hostile.IsImport)
        {
            return null;
        }

        var read = await client.GetAsync(resource);
        var stored = read.IsSuccessStatusCode ? Differs(await read.Content.ReadAsStringAsync(), readBack) : null;
        return stored is null ? null : $"read back {stored}";
    }

    /// <summary>What the JSON holds at the field when that is not what was sent; null when equal or absent.</summary>
    private static string? Differs(string json, ReadBack readBack)
    {
        if (json.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var node = document.RootElement;
        foreach (var segment in readBack.Field)
        {
            var found = segment is int index
                ? node.ValueKind == JsonValueKind.Array && node.GetArrayLength() > index
                : node.ValueKind == JsonValueKind.Object && node.TryGetProperty((string)segment, out _);
            if (!found)
            {
                return null;
            }

            node = segment is int i ? node[i] : node.GetProperty((string)segment);
        }

        var kept = node.ValueKind == JsonValueKind.String ? node.GetString() : null;
        var same = kept == readBack.Sent || (readBack.Sent.Length == 0 && kept is null);
        return same || node.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)
            ? null
            : $"'{Shorten(kept)}' for '{Shorten(readBack.Sent)}'";
    }

    private static string Shorten(string? text) =>
        text is null ? "null" : text.Length > 60 ? $"{text[..60]}…({text.Length})" : text;
}
