using System.Net.Http.Headers;

namespace Mimo.Api.Tests.Security;

/// <summary>What a hostile request must get.</summary>
public enum HostileExpectation
{
    /// <summary>A 4xx ProblemDetails (an import may instead report every line rejected).</summary>
    Refused,

    /// <summary>A 4xx ProblemDetails, or a 2xx when the request only reads.</summary>
    RefusedUnlessRead,

    /// <summary>Anything but a 5xx; a 4xx is a ProblemDetails, and a 2xx reads back as sent.</summary>
    Tolerated,
}

/// <summary>A string field that was sent, to be compared with what the API keeps.</summary>
public sealed record ReadBack(IReadOnlyList<object> Field, string Sent);

/// <summary>One hostile request to one operation of the API.</summary>
public sealed record HostileCase(
    string Operation,
    string Name,
    HttpMethod Method,
    string Path,
    byte[]? Body,
    string? ContentType,
    HostileExpectation Expectation)
{
    public ReadBack? ReadBack { get; init; }

    /// <summary>A header sent as well, such as an Idempotency-Key.</summary>
    public (string Name, string Value)? Header { get; init; }

    /// <summary>Waits for the server's go-ahead before uploading, so that an early 413 is read.</summary>
    public bool ExpectContinue { get; init; }

    /// <summary>The web server may refuse it with a bare 400 before the API sees it.</summary>
    public bool RefusedByServer { get; init; }

    public bool IsImport => Path.StartsWith("/v1/import", StringComparison.Ordinal);

    public HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
            }
        }

        if (Header is var (name, value))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.ExpectContinue = ExpectContinue;
        return request;
    }

    public override string ToString() => $"{Operation} [{Name}]";
}
