using System.Net.Sockets;
using Npgsql;

namespace Mimo.Silo.Postgres;

/// <summary>
/// Recognises failures that mean "this connection to PostgreSQL is gone": the server restarted or
/// failed over, or the network dropped. Pooled connections opened before such an event fail once
/// each when next used; the statement they carried never ran, so it is safe to run it again on a
/// fresh connection.
/// </summary>
public static class ConnectionLoss
{
    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                return IsConnectionState(postgres.SqlState);
            }

            if (current is NpgsqlException { InnerException: IOException or SocketException or EndOfStreamException })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Class 08 (connection exception) and 57P01–57P03 (administrator or crash shutdown, cannot connect now).</summary>
    private static bool IsConnectionState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03";
}
