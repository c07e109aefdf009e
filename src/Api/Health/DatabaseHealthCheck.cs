using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Mimo.Api.Health;

/// <summary>
/// Ready when PostgreSQL answers a trivial query; in the embedded default there is no database
/// and the check says so.
/// </summary>
internal sealed class DatabaseHealthCheck(string? connectionString) : IHealthCheck
{
    private const int TimeoutSeconds = 3;

    private readonly string? _connectionString = connectionString is null
        ? null
        : new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = TimeoutSeconds,
            CommandTimeout = TimeoutSeconds,
            MaxPoolSize = 2,
            ApplicationName = "mimo-health",
        }.ConnectionString;

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        if (_connectionString is null)
        {
            return HealthCheckResult.Healthy("No database is configured: the embedded default keeps state in memory.");
        }

        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL cannot be reached: {exception.Message}");
        }
    }
}
