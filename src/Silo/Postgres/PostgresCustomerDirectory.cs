using System.Text;
using System.Text.Json;
using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Npgsql;
using NpgsqlTypes;
using static Mimo.Silo.Postgres.DbParameters;

namespace Mimo.Silo.Postgres;

/// <summary>
/// The customer directory in <c>mimo_customer_directory</c>. Upserts from many grains are grouped
/// into multi-row statements (see <see cref="WriteBatcher{T}"/>).
/// </summary>
public sealed class PostgresCustomerDirectory : ICustomerDirectory
{
    private const int RowsPerStatement = 200;
    private const int ConcurrentStatements = 2;

    private const string Columns =
        "customer_id, name, tags, payment_method, reminder_mode, pay_score, pay_band, outstanding, " +
        "next_reminder_at, updated_at";

    // A write carries the grain's own change time; an older write arriving late never replaces a newer one.
    private const string OnConflict = """
        ON CONFLICT (tenant_id, customer_id) DO UPDATE
        SET name = EXCLUDED.name,
            tags = EXCLUDED.tags,
            payment_method = EXCLUDED.payment_method,
            reminder_mode = EXCLUDED.reminder_mode,
            pay_score = EXCLUDED.pay_score,
            pay_band = EXCLUDED.pay_band,
            outstanding = EXCLUDED.outstanding,
            next_reminder_at = EXCLUDED.next_reminder_at,
            updated_at = EXCLUDED.updated_at
        WHERE mimo_customer_directory.updated_at <= EXCLUDED.updated_at
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly WriteBatcher<Row> _upserts;

    public PostgresCustomerDirectory(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _upserts = new WriteBatcher<Row>(WriteRowsAsync, RowsPerStatement, ConcurrentStatements);
    }

    public Task UpsertAsync(string tenantId, CustomerSummary summary, CancellationToken cancellationToken) =>
        _upserts.WriteAsync(new Row(tenantId, summary));

    /// <summary>
    /// One statement for a batch of rows. A customer written twice in the batch keeps its newest
    /// row only, because one statement may not update the same row twice.
    /// </summary>
    private async Task WriteRowsAsync(IReadOnlyList<Row> rows)
    {
        var newest = rows
            .GroupBy(r => (r.TenantId, r.Summary.Id))
            .Select(g => g.MaxBy(r => r.Summary.UpdatedAt)!)
            .ToList();
        await using var command = _dataSource.CreateCommand();
        var sql = new StringBuilder($"INSERT INTO mimo_customer_directory (tenant_id, {Columns}) VALUES ");
        foreach (var row in newest)
        {
            var first = command.Parameters.Count + 1;
            AddRow(command, row.TenantId, row.Summary);
            var placeholders = Enumerable.Range(first, command.Parameters.Count - first + 1).Select(n => $"${n}");
            sql.Append(first == 1 ? "" : ", ").Append('(').AppendJoin(", ", placeholders).Append(')');
        }

        command.CommandText = sql.Append(' ').Append(OnConflict).ToString();
        await ReadModelRetry.RunAsync(_dataSource, () => command.ExecuteNonQueryAsync());
    }

    private static void AddRow(NpgsqlCommand command, string tenantId, CustomerSummary summary)
    {
        command.Parameters.Add(Text(tenantId));
        command.Parameters.Add(Text(summary.Id));
        command.Parameters.Add(Text(summary.Name));
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. summary.Tags] });
        command.Parameters.Add(Text(DbEnum<PaymentMethod>.Name(summary.PaymentMethod)));
        command.Parameters.Add(Text(summary.ReminderMode is { } mode ? DbEnum<ReminderMode>.Name(mode) : null));
        command.Parameters.Add(Nullable(NpgsqlDbType.Smallint, (short?)summary.PayScore.Score));
        command.Parameters.Add(Text(DbEnum<PayerBand>.Name(summary.PayScore.Band)));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = OutstandingJson.Write(summary.Outstanding) });
        command.Parameters.Add(Nullable(NpgsqlDbType.TimestampTz, summary.NextReminderAt?.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = summary.UpdatedAt.ToUniversalTime() });
    }

    public async Task RemoveAsync(string tenantId, string customerId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "DELETE FROM mimo_customer_directory WHERE tenant_id = $1 AND customer_id = $2");
        command.Parameters.Add(Text(tenantId));
        command.Parameters.Add(Text(customerId));
        await ReadModelRetry.RunAsync(_dataSource, () => command.ExecuteNonQueryAsync(cancellationToken));
    }

    public async Task<DirectoryPage> QueryAsync(string tenantId, DirectoryQuery query, CancellationToken cancellationToken)
    {
        await using var command = BuildQuery(tenantId, query);
        var rows = await ReadModelRetry.RunAsync(_dataSource, async () =>
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var read = new List<CustomerSummary>();
            while (await reader.ReadAsync(cancellationToken))
            {
                read.Add(ReadSummary(reader));
            }

            return read;
        });

        var next = rows.Count > query.Limit ? rows[query.Limit - 1].Id : null;
        return new DirectoryPage(rows.Take(query.Limit).ToList(), next);
    }

    /// <summary>Only the filters a query uses become conditions, so each shape gets a plan that fits it.</summary>
    private NpgsqlCommand BuildQuery(string tenantId, DirectoryQuery query)
    {
        var command = _dataSource.CreateCommand();
        var sql = new StringBuilder($"SELECT {Columns} FROM mimo_customer_directory WHERE tenant_id = $1");
        command.Parameters.Add(Text(tenantId));
        if (query.AfterCustomerId is not null)
        {
            sql.Append(" AND customer_id > $").Append(Add(command, Text(query.AfterCustomerId)));
        }

        if (query.Band is { } band)
        {
            sql.Append(" AND pay_band = $").Append(Add(command, Text(DbEnum<PayerBand>.Name(band))));
        }

        if (query.Mode is { } mode)
        {
            var name = Add(command, Text(DbEnum<ReminderMode>.Name(mode)));
            sql.Append(mode == query.DefaultMode
                ? $" AND (reminder_mode = ${name} OR reminder_mode IS NULL)"
                : $" AND reminder_mode = ${name}");
        }

        if (query.Tag is not null)
        {
            sql.Append(" AND tags @> ARRAY[$").Append(Add(command, Text(query.Tag))).Append(']');
        }

        sql.Append(" ORDER BY customer_id LIMIT $")
            .Append(Add(command, new NpgsqlParameter<int> { TypedValue = query.Limit + 1 }));
        command.CommandText = sql.ToString();
        return command;
    }

    private static CustomerSummary ReadSummary(NpgsqlDataReader reader)
    {
        var mode = reader.IsDBNull(4) ? (ReminderMode?)null : DbEnum<ReminderMode>.Parse(reader.GetString(4));
        var score = reader.IsDBNull(5) ? (int?)null : reader.GetInt16(5);
        return new CustomerSummary(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetFieldValue<string[]>(2),
            DbEnum<PaymentMethod>.Parse(reader.GetString(3)),
            mode,
            new PayScoreSummary(score, DbEnum<PayerBand>.Parse(reader.GetString(6))),
            OutstandingJson.Read(reader.GetString(7)),
            reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            reader.GetFieldValue<DateTimeOffset>(9));
    }

    private static int Add(NpgsqlCommand command, NpgsqlParameter parameter)
    {
        command.Parameters.Add(parameter);
        return command.Parameters.Count;
    }



    private sealed record Row(string TenantId, CustomerSummary Summary);

    /// <summary>Amounts outstanding per currency, as <c>[{"currency":"EUR","amount":12.5}]</c>.</summary>
    private static class OutstandingJson
    {
        private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

        public static string Write(IReadOnlyList<MoneyAmount> amounts) =>
            JsonSerializer.Serialize(amounts.Select(a => new Row(a.Currency, a.Amount)), JsonOptions);

        public static IReadOnlyList<MoneyAmount> Read(string json) =>
            (JsonSerializer.Deserialize<Row[]>(json, JsonOptions) ?? [])
                .Select(r => new MoneyAmount(r.Currency, r.Amount))
                .ToList();

        private sealed record Row(string Currency, decimal Amount);
    }
}
