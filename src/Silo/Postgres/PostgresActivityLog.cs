using System.Text;
using Mimo.Grains.Activity;
using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Npgsql;
using static Mimo.Silo.Postgres.DbParameters;

namespace Mimo.Silo.Postgres;

/// <summary>
/// Customers' activity logs in <c>mimo_activity</c>. Appends from many grains are grouped into
/// multi-row statements (see <see cref="WriteBatcher{T}"/>).
/// </summary>
public sealed class PostgresActivityLog : IActivityLog
{
    private const int AppendsPerStatement = 100;
    private const int ConcurrentStatements = 2;

    private const string Columns =
        "entry_id, at, kind, source, invoice_ids, subject, recipients, message_id, reason, step, band";

    // Thirteen parameters a row keep a statement far below PostgreSQL's limit of 65,535 parameters; a
    // larger batch takes several statements, each of which is safe to run again.
    private const int RowsPerStatement = 1_000;

    private const string Newest = $"""
        SELECT {Columns} FROM mimo_activity
        WHERE tenant_id = $1 AND customer_id = $2
        ORDER BY at DESC, entry_id DESC
        LIMIT $3
        """;

    // The row comparison matches the index's order, so the scan starts right at the cursor.
    internal const string OlderThan = $"""
        SELECT {Columns} FROM mimo_activity
        WHERE tenant_id = $1 AND customer_id = $2 AND (at, entry_id) < ($4, $5)
        ORDER BY at DESC, entry_id DESC
        LIMIT $3
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly WriteBatcher<Row[]> _appends;

    public PostgresActivityLog(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _appends = new WriteBatcher<Row[]>(WriteRowsAsync, AppendsPerStatement, ConcurrentStatements);
    }

    public Task AppendAsync(
        string tenantId,
        string customerId,
        IReadOnlyList<ActivityEntry> entries,
        CancellationToken cancellationToken) =>
        entries.Count == 0
            ? Task.CompletedTask
            : _appends.WriteAsync([.. entries.Select(e => new Row(tenantId, customerId, e))]);

    private async Task WriteRowsAsync(IReadOnlyList<Row[]> appends)
    {
        foreach (var rows in appends.SelectMany(a => a).Chunk(RowsPerStatement))
        {
            await using var command = BuildInsert(rows);
            await ReadModelRetry.RunAsync(_dataSource, () => command.ExecuteNonQueryAsync());
        }
    }

    public async Task<ActivityPage> QueryAsync(
        string tenantId,
        string customerId,
        int limit,
        ActivityCursor? before,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = _dataSource.CreateCommand(before is null ? Newest : OlderThan);
        command.Parameters.Add(Text(tenantId));
        command.Parameters.Add(Text(customerId));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit + 1 });
        if (before is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = before.At.ToUniversalTime() });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = before.Id });
        }

        var rows = await ReadModelRetry.RunAsync(_dataSource, () => ReadEntriesAsync(command, cancellationToken));

        var next = rows.Count > limit ? new ActivityCursor(rows[limit - 1].At, rows[limit - 1].Id) : null;
        return new ActivityPage(rows.Take(limit).ToList(), next);
    }

    public async Task RemoveCustomerAsync(string tenantId, string customerId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "DELETE FROM mimo_activity WHERE tenant_id = $1 AND customer_id = $2");
        command.Parameters.Add(Text(tenantId));
        command.Parameters.Add(Text(customerId));
        await ReadModelRetry.RunAsync(_dataSource, () => command.ExecuteNonQueryAsync(cancellationToken));
    }

    /// <summary>
    /// One multi-row INSERT: each row's own arrays (invoice ids, recipients) rule out unnesting
    /// column arrays. An entry already stored is skipped, and so is a repeat within the batch.
    /// </summary>
    private NpgsqlCommand BuildInsert(Row[] rows)
    {
        var command = _dataSource.CreateCommand();
        var sql = new StringBuilder($"INSERT INTO mimo_activity (tenant_id, customer_id, {Columns}) VALUES ");
        for (var i = 0; i < rows.Length; i++)
        {
            var first = command.Parameters.Count + 1;
            command.Parameters.Add(Text(rows[i].TenantId));
            command.Parameters.Add(Text(rows[i].CustomerId));
            AddRow(command, rows[i].Entry);
            var placeholders = Enumerable.Range(first, command.Parameters.Count - first + 1).Select(n => $"${n}");
            sql.Append(i == 0 ? "" : ", ").Append('(').AppendJoin(", ", placeholders).Append(')');
        }

        command.CommandText = sql.Append(" ON CONFLICT (tenant_id, customer_id, entry_id) DO NOTHING").ToString();
        return command;
    }

    private static void AddRow(NpgsqlCommand command, ActivityEntry entry)
    {
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = entry.Id });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.At.ToUniversalTime() });
        command.Parameters.Add(Text(DbEnum<ActivityKind>.Name(entry.Kind)));
        command.Parameters.Add(Text(DbEnum<ReminderSource>.Name(entry.Source)));
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. entry.InvoiceIds] });
        command.Parameters.Add(Text(entry.Subject));
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. entry.To] });
        command.Parameters.Add(Text(entry.MessageId));
        command.Parameters.Add(Text(entry.Reason));
        command.Parameters.Add(Text(entry.Step));
        command.Parameters.Add(Text(entry.Band is { } band ? DbEnum<PayerBand>.Name(band) : null));
    }

    private static async Task<List<ActivityEntry>> ReadEntriesAsync(
        NpgsqlCommand command,
        CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ActivityEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(ReadEntry(reader));
        }

        return entries;
    }

    private static ActivityEntry ReadEntry(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetFieldValue<DateTimeOffset>(1),
        DbEnum<ActivityKind>.Parse(reader.GetString(2)),
        DbEnum<ReminderSource>.Parse(reader.GetString(3)),
        reader.GetFieldValue<string[]>(4),
        NullableText(reader, 5),
        reader.GetFieldValue<string[]>(6),
        NullableText(reader, 7),
        NullableText(reader, 8),
        NullableText(reader, 9),
        reader.IsDBNull(10) ? null : DbEnum<PayerBand>.Parse(reader.GetString(10)));



    private sealed record Row(string TenantId, string CustomerId, ActivityEntry Entry);
}
