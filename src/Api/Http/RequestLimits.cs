namespace Mimo.Api.Http;

/// <summary>Size limits of requests.</summary>
public static class RequestLimits
{
    /// <summary>The largest JSON request body: 1 MiB. Bulk import streams and is not limited.</summary>
    public const long MaxJsonBodyBytes = 1024 * 1024;

    /// <summary>The longest line of an NDJSON import.</summary>
    public const int MaxImportLineBytes = 64 * 1024;
}
