using Mimo.Grains.Interfaces.Activity;
using Mimo.Silo.Postgres;
using Mimo.Silo.Tests.ReadModels;
using Npgsql;
using NpgsqlTypes;
using static Mimo.Testing.TestData;

namespace Mimo.Silo.Tests.Postgres;

/// <summary>What only the PostgreSQL activity log must get right: statement size and the page plan.</summary>
public sealed class ActivityTableTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Append_MoreEntriesThanOneStatementTakes_StoresEveryOne()
    {
        var log = new PostgresActivityLog((await database.GetAsync()).DataSource);
        var tenant = NewId("tn");
        var entries = Enumerable.Range(0, 2_500).Select(i => Entry(Now.AddSeconds(-i))).ToList();

        await log.AppendAsync(tenant, "c-1", entries, CancellationToken.None);

        var page = await log.QueryAsync(tenant, "c-1", 3_000, null, CancellationToken.None);
        Assert.Equal(entries.Select(e => e.Id), page.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task OlderThanACursor_ReadsTheNewestFirstIndexWithoutSorting()
    {
        var explained = await ExplainOlderThanAsync();

        Assert.Contains("Index Scan using mimo_activity_newest_first", explained, StringComparison.Ordinal);
        var condition = Assert.Single(
            explained.Split('\n'),
            line => line.Contains("Index Cond:", StringComparison.Ordinal));
        Assert.Contains("ROW(at, entry_id) < ROW(", condition, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", explained, StringComparison.Ordinal);
    }

    private async Task<string> ExplainOlderThanAsync()
    {
        await using var connection = await (await database.GetAsync()).DataSource.OpenConnectionAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("EXPLAIN " + PostgresActivityLog.OlderThan, connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = "tn" });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = "c-1" });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = 11 });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = Now });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.NewGuid() });
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static ActivityEntry Entry(DateTimeOffset at) =>
        new(Guid.NewGuid(), at, ActivityKind.Retrying, ReminderSource.Smart, ["INV-1"], "Reminder", ["ap@acme.test"],
            null, "smtp_timeout");
}
