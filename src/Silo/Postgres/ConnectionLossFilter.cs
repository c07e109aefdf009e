using Npgsql;

namespace Mimo.Silo.Postgres;

/// <summary>
/// When a grain call fails because a pooled PostgreSQL connection had died (the database
/// restarted), clears Orleans' and the read models' connection pools at once, so that each dead connection does not go
/// on to fail one more call of its own.
/// </summary>
internal sealed class ConnectionLossFilter(NpgsqlDataSource readModels) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception) when (ConnectionLoss.Is(exception))
        {
            NpgsqlConnection.ClearAllPools();
            readModels.Clear();
            throw;
        }
    }
}
