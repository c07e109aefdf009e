using Microsoft.AspNetCore.Http.Metadata;

namespace Mimo.Api.Http;

/// <summary>Size limits of requests.</summary>
public static class RequestLimits
{
    /// <summary>The largest JSON request body: 1 MiB. Bulk import streams and is not limited.</summary>
    public const long MaxJsonBodyBytes = 1024 * 1024;

    /// <summary>The longest line of an NDJSON import.</summary>
    public const int MaxImportLineBytes = 64 * 1024;

    /// <summary>The body limit of an endpoint: its own or <see cref="MaxJsonBodyBytes"/>.</summary>
    public static long MaxBodyBytes(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxJsonBodyBytes;

    /// <summary>
    /// Says what the limit is in a 413. Kestrel rejects a body that is too large while the endpoint
    /// reads it, so the 413 is written by the status code pages, not by an exception handler.
    /// </summary>
    public static void DescribeTooLarge(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status == StatusCodes.Status413PayloadTooLarge && problem.Detail is null)
        {
            var mebibytes = MaxBodyBytes(context.HttpContext.GetEndpoint()) / 1024 / 1024;
            problem.Detail = $"The body of this request is limited to {mebibytes} MiB.";
        }
    }
}
