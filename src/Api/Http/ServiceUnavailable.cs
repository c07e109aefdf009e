using System.Data.Common;
using System.Net.Sockets;
using Orleans.Networking.Shared;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;
using Orleans.Storage;

namespace Mimo.Api.Http;

/// <summary>
/// Recognises failures that mean "the cluster or the database cannot be reached right now":
/// the request decided nothing and may be retried, so the API answers 503 with Retry-After.
/// </summary>
public static class ServiceUnavailable
{
    /// <summary>The delay a client is asked to wait before retrying.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (IsTransient(current))
            {
                return true;
            }

            if (current is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException => true,
        SocketConnectionException => true,
        GatewayTooBusyException or ClientNotAvailableException => true,
        InconsistentStateException => true,
        TimeoutException or OperationCanceledException or DbException or SocketException => true,
        OrleansException orleans when orleans.Message.Contains("gateway", StringComparison.OrdinalIgnoreCase) => true,
        _ => IsRemoteTransient(exception),
    };

    /// <summary>An exception thrown in a silo whose type this process does not know arrives as a fallback.</summary>
    private static bool IsRemoteTransient(Exception exception) =>
        exception is UnavailableExceptionFallbackException fallback
        && fallback.ExceptionType is { } type
        && (type.Contains("Npgsql", StringComparison.Ordinal)
            || type.Contains("Socket", StringComparison.Ordinal)
            || type.Contains("Timeout", StringComparison.Ordinal));
}
