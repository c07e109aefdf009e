using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Mimo.Api.Auth;

namespace Mimo.Api.Http;

/// <summary>Per-tenant request limits (configuration section <c>RateLimit</c>).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimit";

    /// <summary>Requests a tenant may make per second on average. Default 500.</summary>
    [Range(1, 100_000)]
    public int RequestsPerSecond { get; set; } = 500;

    /// <summary>How many requests a tenant may make at once after a quiet spell. Default 1000.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 1000;
}

/// <summary>
/// Holds each tenant to its own token bucket, so that one tenant's flood answers 429 for that tenant
/// only. Requests without a tenant key (the operator's, health checks, the reference page) are not
/// limited here.
/// </summary>
public static class TenantRateLimits
{
    public static IServiceCollection AddTenantRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        var tenantId = context.User.FindFirstValue(ApiClaims.TenantId);
        return tenantId is null
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetTokenBucketLimiter(tenantId, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Burst,
                TokensPerPeriod = options.RequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = rejected.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This tenant sent more requests than its limit allows. Retry in {seconds} s.",
            },
        });
    }
}
