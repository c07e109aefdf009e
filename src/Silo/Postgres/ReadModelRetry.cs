using Npgsql;

namespace Mimo.Silo.Postgres;

/// <summary>
/// Runs a read-model statement, and runs it again on a fresh connection when the first attempt
/// met a connection that died while it sat in the pool (after a database restart or failover).
/// Every read-model statement is an idempotent read, upsert or delete, so a second run is safe.
/// </summary>
internal static class ReadModelRetry
{
    private const int Attempts = 3;

    public static async Task<T> RunAsync<T>(NpgsqlDataSource dataSource, Func<Task<T>> statement)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await statement();
            }
            catch (Exception exception) when (attempt < Attempts && ConnectionLoss.Is(exception))
            {
                // Every idle connection of the pool is as dead as this one was.
                dataSource.Clear();
            }
        }
    }

    public static Task RunAsync(NpgsqlDataSource dataSource, Func<Task> statement) =>
        RunAsync(dataSource, async () =>
        {
            await statement();
            return true;
        });
}
