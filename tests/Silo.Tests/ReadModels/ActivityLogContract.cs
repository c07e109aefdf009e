using Mimo.Grains.Activity;
using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using static Mimo.Testing.TestData;

namespace Mimo.Silo.Tests.ReadModels;

/// <summary>What every activity log does, in memory and in PostgreSQL alike.</summary>
public abstract class ActivityLogContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);

    private readonly string _tenant = NewId("tn");

    protected abstract Task<IActivityLog> LogAsync();

    [Fact]
    public async Task Append_ThenQuery_ReturnsEveryField()
    {
        var log = await LogAsync();
        var sent = new ActivityEntry(
            Guid.NewGuid(), new DateTimeOffset(2026, 12, 4, 10, 30, 0, TimeSpan.FromHours(1)).AddTicks(1_230),
            ActivityKind.Sent, ReminderSource.Smart, ["INV-1", "INV-2"], "Friendly reminder",
            ["ap@acme.test", "cfo@acme.test"], "msg-42", null, "second-notice", PayerBand.Late);
        var skipped = new ActivityEntry(
            Guid.NewGuid(), Now, ActivityKind.Skipped, ReminderSource.Manual, [], null, [], null, "promise_to_pay");

        await log.AppendAsync(_tenant, "c-1", [skipped, sent], CancellationToken.None);
        var page = await QueryAsync(log, "c-1");

        Assert.Equal(2, page.Items.Count);
        AssertSameEntry(sent, page.Items[0]);
        AssertSameEntry(skipped, page.Items[1]);
        Assert.All(page.Items, e => Assert.Equal(TimeSpan.Zero, e.At.Offset));
        Assert.Null(page.NextBefore);
    }

    [Fact]
    public async Task Append_InstantFinerThanAMicrosecond_IsKeptToTheMicrosecond()
    {
        var log = await LogAsync();

        await log.AppendAsync(_tenant, "c-1", [Entry(Now.AddTicks(19))], CancellationToken.None);

        Assert.Equal(Now.AddTicks(10), Assert.Single((await QueryAsync(log, "c-1")).Items).At);
    }

    [Fact]
    public async Task Query_OrdersNewestFirst_AndEntriesAtTheSameInstantByIdDescending()
    {
        var log = await LogAsync();
        string[] tied =
        [
            "00000001-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000001",
            "ff000000-0000-0000-0000-000000000000", "00000000-0001-0000-0000-000000000000",
            "01000000-0000-0000-0000-000000000000", "00000000-0000-0000-0100-000000000000",
        ];
        var newer = Entry(Now.AddSeconds(1), Guid.Empty);
        var older = Entry(Now.AddSeconds(-1), Guid.AllBitsSet);
        ActivityEntry[] entries = [older, .. tied.Select(id => Entry(Now, Guid.Parse(id))), newer];

        await log.AppendAsync(_tenant, "c-1", entries, CancellationToken.None);
        var page = await QueryAsync(log, "c-1");

        Assert.Equal(
            [
                Guid.Empty.ToString(),
                "ff000000-0000-0000-0000-000000000000", "01000000-0000-0000-0000-000000000000",
                "00000001-0000-0000-0000-000000000000", "00000000-0001-0000-0000-000000000000",
                "00000000-0000-0000-0100-000000000000", "00000000-0000-0000-0000-000000000001",
                Guid.AllBitsSet.ToString(),
            ],
            page.Items.Select(e => e.Id.ToString()));
    }

    [Fact]
    public async Task Query_25EntriesTenAtATime_PagesOf10And10And5WithoutGapsOrRepeats()
    {
        var log = await LogAsync();
        var entries = Enumerable.Range(0, 25).Select(i => Entry(Now.AddSeconds(-(i / 3)))).ToList();
        await log.AppendAsync(_tenant, "c-1", entries, CancellationToken.None);

        var sizes = new List<int>();
        var seen = new List<Guid>();
        ActivityCursor? before = null;
        do
        {
            var page = await QueryAsync(log, "c-1", limit: 10, before);
            sizes.Add(page.Items.Count);
            seen.AddRange(page.Items.Select(e => e.Id));
            before = page.NextBefore;
        }
        while (before is not null);

        Assert.Equal([10, 10, 5], sizes);
        Assert.Equal(entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Select(e => e.Id), seen);
    }

    [Fact]
    public async Task Query_NextBefore_IsTheCursorOfThePagesLastEntry()
    {
        var log = await LogAsync();
        var entries = Enumerable.Range(0, 3).Select(i => Entry(Now.AddMinutes(-i))).ToList();
        await log.AppendAsync(_tenant, "c-1", entries, CancellationToken.None);

        var page = await QueryAsync(log, "c-1", limit: 2);

        Assert.Equal(new ActivityCursor(entries[1].At, entries[1].Id), page.NextBefore);
    }

    [Fact]
    public async Task Query_LastFullPage_HasNoCursor()
    {
        var log = await LogAsync();
        await log.AppendAsync(_tenant, "c-1", [Entry(Now), Entry(Now.AddMinutes(-1))], CancellationToken.None);

        var page = await QueryAsync(log, "c-1", limit: 2);

        Assert.Equal(2, page.Items.Count);
        Assert.Null(page.NextBefore);
    }

    [Fact]
    public async Task Query_CursorInAnotherOffset_MeansTheSameInstant()
    {
        var log = await LogAsync();
        var entries = Enumerable.Range(0, 3).Select(i => Entry(Now.AddMinutes(-i))).ToList();
        await log.AppendAsync(_tenant, "c-1", entries, CancellationToken.None);

        var cursor = new ActivityCursor(entries[0].At.ToOffset(TimeSpan.FromHours(2)), entries[0].Id);
        var page = await QueryAsync(log, "c-1", limit: 10, cursor);

        Assert.Equal([entries[1].Id, entries[2].Id], page.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Append_SameEntriesAgain_StoresThemOnce()
    {
        var log = await LogAsync();
        var first = Entry(Now);
        var second = Entry(Now.AddMinutes(-1));
        var third = Entry(Now.AddMinutes(-2));
        await log.AppendAsync(_tenant, "c-1", [first, second], CancellationToken.None);

        await log.AppendAsync(_tenant, "c-1", [second, first, third, third], CancellationToken.None);

        Assert.Equal([first.Id, second.Id, third.Id], (await QueryAsync(log, "c-1")).Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Append_IdAlreadyStored_KeepsTheStoredEntry()
    {
        var log = await LogAsync();
        var stored = Entry(Now);
        await log.AppendAsync(_tenant, "c-1", [stored], CancellationToken.None);

        await log.AppendAsync(_tenant, "c-1", [stored with { At = Now.AddHours(1), Reason = "late" }], default);

        var read = Assert.Single((await QueryAsync(log, "c-1")).Items);
        Assert.Equal(Now, read.At);
        Assert.Null(read.Reason);
    }

    [Fact]
    public async Task Query_AnotherCustomerOrTenant_SeesNothing()
    {
        var log = await LogAsync();
        await log.AppendAsync(_tenant, "c-1", [Entry(Now)], CancellationToken.None);

        var otherCustomer = await QueryAsync(log, "c-2");
        var otherTenant = await log.QueryAsync(NewId("tn"), "c-1", 50, null, CancellationToken.None);

        Assert.Empty(otherCustomer.Items);
        Assert.Null(otherCustomer.NextBefore);
        Assert.Empty(otherTenant.Items);
    }

    [Fact]
    public async Task RemoveCustomer_ForgetsThatCustomersEntriesOnly()
    {
        var log = await LogAsync();
        var kept = Entry(Now);
        await log.AppendAsync(_tenant, "c-1", [Entry(Now)], CancellationToken.None);
        await log.AppendAsync(_tenant, "c-2", [kept], CancellationToken.None);

        await log.RemoveCustomerAsync(_tenant, "c-1", CancellationToken.None);

        Assert.Empty((await QueryAsync(log, "c-1")).Items);
        Assert.Equal(kept.Id, Assert.Single((await QueryAsync(log, "c-2")).Items).Id);
    }

    private Task<ActivityPage> QueryAsync(
        IActivityLog log,
        string customerId,
        int limit = 50,
        ActivityCursor? before = null) =>
        log.QueryAsync(_tenant, customerId, limit, before, CancellationToken.None);

    private static ActivityEntry Entry(DateTimeOffset at, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), at, ActivityKind.Sent, ReminderSource.Smart, ["INV-1"], "Reminder",
            ["ap@acme.test"], "msg-1", null);

    private static void AssertSameEntry(ActivityEntry expected, ActivityEntry actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.At, actual.At);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.InvoiceIds, actual.InvoiceIds);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.To, actual.To);
        Assert.Equal(expected.MessageId, actual.MessageId);
        Assert.Equal(expected.Reason, actual.Reason);
        Assert.Equal(expected.Step, actual.Step);
        Assert.Equal(expected.Band, actual.Band);
    }
}
