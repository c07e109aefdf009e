using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Mimo.Benchmarks.Load;

/// <summary>
/// The limit an ingest path is measured against: plain Npgsql upserts of rows as large as an
/// invoice's JSON body (the body itself, as <c>jsonb</c>, keyed by tenant, customer and invoice)
/// into a plain table, <c>INSERT … ON CONFLICT DO UPDATE</c>, with as many statements in flight as
/// the engine gets HTTP requests. Each statement takes a pooled connection, as ADO.NET providers do.
/// </summary>
internal static class RawUpserts
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS bench_raw_invoice (
            tenant_id   text        NOT NULL,
            customer_id text        NOT NULL,
            invoice_id  text        NOT NULL,
            body        jsonb       NOT NULL,
            updated_at  timestamptz NOT NULL,
            PRIMARY KEY (tenant_id, customer_id, invoice_id)
        )
        """;

    private const string Upsert = """
        INSERT INTO bench_raw_invoice (tenant_id, customer_id, invoice_id, body, updated_at)
        VALUES ($1, $2, $3, $4, now())
        ON CONFLICT (tenant_id, customer_id, invoice_id)
        DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
        """;

    /// <summary>Upserts <paramref name="count"/> rows, row i of customer i mod <paramref name="customers"/>.</summary>
    public static async Task<LoadOutcome> RunAsync(
        string connectionString,
        int count,
        int customers,
        int concurrency,
        TimeSpan limit,
        Func<int, byte[]> body)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = concurrency + 4 };
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var create = dataSource.CreateCommand(CreateTable))
        {
            await create.ExecuteNonQueryAsync();
        }

        await FillPoolAsync(dataSource, concurrency);
        var rows = Enumerable.Range(0, count)
            .Select(i => (
                Customer: Payloads.CustomerId(i % customers),
                Invoice: Payloads.InvoiceId(i),
                Body: Encoding.UTF8.GetString(body(i))))
            .ToArray();
        return await ConcurrentLoad.RunAsync(count, concurrency, limit, async (i, cancellationToken) =>
        {
            await using var command = dataSource.CreateCommand(Upsert);
            command.Parameters.Add(new NpgsqlParameter { Value = "tn-bench" });
            command.Parameters.Add(new NpgsqlParameter { Value = rows[i].Customer });
            command.Parameters.Add(new NpgsqlParameter { Value = rows[i].Invoice });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = rows[i].Body });
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        });
    }

    /// <summary>Opens every connection the load will use before it is timed, as a running service has.</summary>
    private static async Task FillPoolAsync(NpgsqlDataSource dataSource, int connections)
    {
        var open = await Task.WhenAll(Enumerable.Range(0, connections)
            .Select(_ => dataSource.OpenConnectionAsync().AsTask()));
        foreach (var connection in open)
        {
            await connection.DisposeAsync();
        }
    }
}
