namespace Mimo.Api.Hosting;

/// <summary>
/// Keeps trying to reach the silos when the API starts in the client role, so that the API may
/// start before them; each failed attempt is logged.
/// </summary>
internal sealed partial class ClusterConnectionRetry(ILogger<ClusterConnectionRetry> logger)
    : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogRetrying(logger, exception.GetType().Name, exception.Message, Delay.TotalSeconds);
        await Task.Delay(Delay, cancellationToken);
        return true;
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The cluster cannot be reached yet ({ExceptionType}: {Reason}); retrying in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, string exceptionType, string reason, double seconds);
}
