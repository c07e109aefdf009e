using Mimo.Grains.Activity;
using Mimo.Grains.Interfaces.Activity;

namespace Mimo.Grains.Tests.Activity;

/// <summary>The embedded activity log keeps each customer's newest entries only.</summary>
public sealed class InMemoryActivityLogBoundTests
{
    private const int Bound = InMemoryActivityLog.EntriesPerCustomer;

    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);

    private readonly InMemoryActivityLog _log = new();

    [Fact]
    public async Task Append_BeyondTheBound_KeepsTheNewestEntries()
    {
        var older = Entries(Bound, Now);
        var newer = Entries(5, Now.AddDays(1));
        await _log.AppendAsync("tn", "c-1", older, CancellationToken.None);

        await _log.AppendAsync("tn", "c-1", newer, CancellationToken.None);

        var page = await QueryAllAsync("c-1");
        Assert.Equal(newer.Concat(older.Take(Bound - 5)).Select(e => e.Id), page.Items.Select(e => e.Id));
        Assert.Null(page.NextBefore);
    }

    [Fact]
    public async Task Append_AnEntryTheBoundDropped_IsNotKeptWhenWrittenAgain()
    {
        var entries = Entries(Bound + 1, Now);
        await _log.AppendAsync("tn", "c-1", entries, CancellationToken.None);

        await _log.AppendAsync("tn", "c-1", [entries[^1]], CancellationToken.None);

        var page = await QueryAllAsync("c-1");
        Assert.Equal(Bound, page.Items.Count);
        Assert.DoesNotContain(entries[^1].Id, page.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Append_BeyondTheBound_LeavesOtherCustomersAlone()
    {
        await _log.AppendAsync("tn", "c-1", Entries(3, Now), CancellationToken.None);

        await _log.AppendAsync("tn", "c-2", Entries(Bound + 10, Now), CancellationToken.None);

        Assert.Equal(3, (await QueryAllAsync("c-1")).Items.Count);
        Assert.Equal(Bound, (await QueryAllAsync("c-2")).Items.Count);
    }

    private Task<ActivityPage> QueryAllAsync(string customerId) =>
        _log.QueryAsync("tn", customerId, 2 * Bound, null, CancellationToken.None);

    /// <summary>Entries a second apart, newest (at <paramref name="newest"/>) first.</summary>
    private static List<ActivityEntry> Entries(int count, DateTimeOffset newest) =>
        Enumerable.Range(0, count)
            .Select(i => new ActivityEntry(
                Guid.NewGuid(), newest.AddSeconds(-i), ActivityKind.Sent, ReminderSource.Smart, ["INV-1"],
                "Reminder", ["ap@acme.test"], $"msg-{i}", null))
            .ToList();
}
