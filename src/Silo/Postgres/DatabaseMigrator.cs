using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mimo.Silo.Postgres;

// PLACEHOLDER: replaced by the database work.
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    public Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        _ = dataSource;
        _ = logger;
        _ = cancellationToken;
        throw new NotImplementedException();
    }
}
