using Microsoft.Extensions.DependencyInjection;
using Mimo.Silo.Tests.Infrastructure;

namespace Mimo.Silo.Tests.Postgres;

/// <summary>Orleans' ADO.NET reminder table on the project's PostgreSQL statements.</summary>
public sealed class ReminderTableTests(PostgresSiloFixture fixture) : IClassFixture<PostgresSiloFixture>
{
    private static readonly DateTime Start = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    private IReminderTable Table => fixture.Silo.Services.GetRequiredService<IReminderTable>();

    [Fact]
    public async Task Upsert_ThenRead_RoundTripsTheReminder()
    {
        var grain = NewGrainId();

        var etag = await Table.UpsertRow(Entry(grain, "next-send", TimeSpan.FromDays(40)));
        var read = await Table.ReadRow(grain, "next-send");

        Assert.NotNull(read);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(Start, read.StartAt.ToUniversalTime());
        Assert.Equal(TimeSpan.FromDays(40), read.Period);
        Assert.Equal(grain, read.GrainId);
    }

    [Fact]
    public async Task Upsert_Again_ReplacesTheScheduleAndChangesTheETag()
    {
        var grain = NewGrainId();
        var first = await Table.UpsertRow(Entry(grain, "next-send", TimeSpan.FromMinutes(1)));

        var moved = Entry(grain, "next-send", TimeSpan.FromHours(1));
        moved.StartAt = Start.AddDays(1);
        var second = await Table.UpsertRow(moved);

        Assert.NotEqual(first, second);
        var read = await Table.ReadRow(grain, "next-send");
        Assert.Equal(Start.AddDays(1), read!.StartAt.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(1), read.Period);
    }

    [Fact]
    public async Task ReadRows_OfOneGrain_ListsAllItsRemindersOnly()
    {
        var grain = NewGrainId();
        await Table.UpsertRow(Entry(grain, "a", TimeSpan.FromMinutes(1)));
        await Table.UpsertRow(Entry(grain, "b", TimeSpan.FromMinutes(1)));
        await Table.UpsertRow(Entry(NewGrainId(), "a", TimeSpan.FromMinutes(1)));

        var rows = await Table.ReadRows(grain);

        Assert.Equal(["a", "b"], rows.Reminders.Select(r => r.ReminderName).Order());
    }

    [Fact]
    public async Task ReadRow_Missing_IsNull()
    {
        Assert.Null(await Table.ReadRow(NewGrainId(), "none"));
    }

    [Fact]
    public async Task Remove_WithAStaleETag_KeepsTheReminder()
    {
        var grain = NewGrainId();
        var stale = await Table.UpsertRow(Entry(grain, "next-send", TimeSpan.FromMinutes(1)));
        var current = await Table.UpsertRow(Entry(grain, "next-send", TimeSpan.FromMinutes(2)));

        Assert.False(await Table.RemoveRow(grain, "next-send", stale!));
        Assert.NotNull(await Table.ReadRow(grain, "next-send"));

        Assert.True(await Table.RemoveRow(grain, "next-send", current!));
        Assert.Null(await Table.ReadRow(grain, "next-send"));
    }

    [Theory]
    [InlineData(0x10000000u, 0x60000000u)] // inside the positive half
    [InlineData(0x90000000u, 0xE0000000u)] // inside the negative half
    [InlineData(0x70000000u, 0x90000000u)] // across 0x80000000, where the signed values wrap
    [InlineData(0xF0000000u, 0x10000000u)] // across the end of the ring
    [InlineData(0x40000000u, 0x40000000u)] // the whole ring
    [InlineData(0x00000000u, 0xFFFFFFFFu)] // all but zero
    public async Task ReadRows_OfARange_ReturnsExactlyTheRemindersWhoseHashIsInIt(uint begin, uint end)
    {
        var name = "range-" + Guid.NewGuid().ToString("N")[..8];
        var grains = Enumerable.Range(0, 300).Select(_ => NewGrainId()).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertRow(Entry(grain, name, TimeSpan.FromMinutes(5)));
        }

        var rows = await Table.ReadRows(begin, end);

        var expected = grains.Where(g => InRange(g.GetUniformHashCode(), begin, end)).ToHashSet();
        var actual = rows.Reminders.Where(r => r.ReminderName == name).Select(r => r.GrainId).ToHashSet();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, actual.Count);
        Assert.True(expected.SetEquals(actual));
    }

    [Fact]
    public async Task RangeReads_UseTheRingIndex()
    {
        var explained = await ExplainAsync(
            "EXPLAIN SELECT grain_id FROM mimo_reminder WHERE service_id = 'mimo' AND grain_hash > 10 AND grain_hash <= 20");

        Assert.Contains("mimo_reminder_ring", explained, StringComparison.Ordinal);
    }

    private async Task<string> ExplainAsync(string sql)
    {
        await using var connection = await fixture.Database.DataSource.OpenConnectionAsync();
        await using (var off = connection.CreateCommand())
        {
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static GrainId NewGrainId() => GrainId.Create("test-reminder-probe", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grain, string name, TimeSpan period) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Start,
        Period = period,
    };
}
