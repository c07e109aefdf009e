using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using static Mimo.Testing.TestData;

namespace Mimo.Silo.Tests.ReadModels;

/// <summary>What every customer directory does, in memory and in PostgreSQL alike.</summary>
public abstract class CustomerDirectoryContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);

    private readonly string _tenant = NewId("tn");

    protected abstract Task<ICustomerDirectory> DirectoryAsync();

    [Fact]
    public async Task Upsert_ThenQuery_ReturnsEveryField()
    {
        var directory = await DirectoryAsync();
        var summary = new CustomerSummary(
            "c-1", "Globex GmbH", ["wholesale", "eu"], PaymentMethod.DirectDebit, ReminderMode.Smart,
            new PayScoreSummary(72, PayerBand.Average),
            [new MoneyAmount("EUR", 450.50m), new MoneyAmount("USD", 12.345m)],
            Now.AddDays(2), Now);

        await directory.UpsertAsync(_tenant, summary, CancellationToken.None);
        var page = await directory.QueryAsync(_tenant, Query(), CancellationToken.None);

        var row = Assert.Single(page.Items);
        Assert.Equal(summary.Id, row.Id);
        Assert.Equal(summary.Name, row.Name);
        Assert.Equal(summary.Tags, row.Tags);
        Assert.Equal(summary.PaymentMethod, row.PaymentMethod);
        Assert.Equal(summary.ReminderMode, row.ReminderMode);
        Assert.Equal(summary.PayScore, row.PayScore);
        Assert.Equal(summary.Outstanding, row.Outstanding);
        Assert.Equal(summary.NextReminderAt, row.NextReminderAt);
        Assert.Equal(summary.UpdatedAt, row.UpdatedAt);
        Assert.Null(page.NextAfterCustomerId);
    }

    [Fact]
    public async Task Upsert_Newer_ReplacesTheRow()
    {
        var directory = await DirectoryAsync();
        await directory.UpsertAsync(_tenant, Summary("c-1", "Old name", Now), CancellationToken.None);

        await directory.UpsertAsync(_tenant, Summary("c-1", "New name", Now.AddSeconds(1)), CancellationToken.None);

        Assert.Equal("New name", Assert.Single((await QueryAsync(directory, Query())).Items).Name);
    }

    [Fact]
    public async Task Upsert_OlderThanTheStoredRow_IsIgnored()
    {
        var directory = await DirectoryAsync();
        await directory.UpsertAsync(_tenant, Summary("c-1", "New name", Now), CancellationToken.None);

        await directory.UpsertAsync(_tenant, Summary("c-1", "Late write", Now.AddSeconds(-1)), CancellationToken.None);

        Assert.Equal("New name", Assert.Single((await QueryAsync(directory, Query())).Items).Name);
    }

    [Fact]
    public async Task Upsert_ManyAtOnce_AllArrive_AndTheNewestRowOfACustomerWins()
    {
        var directory = await DirectoryAsync();
        var writes = Enumerable.Range(0, 300)
            .Select(i => directory.UpsertAsync(_tenant, Summary($"c{i:000}", $"Customer {i}"), CancellationToken.None))
            .Concat(Enumerable.Range(0, 20).Select(i =>
                directory.UpsertAsync(_tenant, Summary("c000", $"Version {i}", Now.AddSeconds(i)), CancellationToken.None)));

        await Task.WhenAll(writes);

        var page = await QueryAsync(directory, Query(limit: 500));
        Assert.Equal(300, page.Items.Count);
        Assert.Equal("Version 19", page.Items[0].Name);
    }

    [Fact]
    public async Task Query_PagesInOrdinalIdOrder()
    {
        var directory = await DirectoryAsync();
        string[] ids = ["b", "a", "B", "A", "0", "_x", "a.1", "a-1", "z"];
        foreach (var id in ids)
        {
            await directory.UpsertAsync(_tenant, Summary(id), CancellationToken.None);
        }

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await QueryAsync(directory, Query(limit: 4, after: after));
            seen.AddRange(page.Items.Select(c => c.Id));
            after = page.NextAfterCustomerId;
            pages++;
        }
        while (after is not null);

        Assert.Equal(ids.Order(StringComparer.Ordinal), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Query_LastFullPage_HasNoNextCursor()
    {
        var directory = await DirectoryAsync();
        foreach (var id in new[] { "c1", "c2" })
        {
            await directory.UpsertAsync(_tenant, Summary(id), CancellationToken.None);
        }

        var page = await QueryAsync(directory, Query(limit: 2));

        Assert.Equal(2, page.Items.Count);
        Assert.Null(page.NextAfterCustomerId);
    }

    [Fact]
    public async Task Query_ByBandAndTag_ReturnsOnlyMatches()
    {
        var directory = await DirectoryAsync();
        await directory.UpsertAsync(_tenant, Summary("late-eu") with { PayScore = new(40, PayerBand.Late), Tags = ["eu"] }, default);
        await directory.UpsertAsync(_tenant, Summary("late-us") with { PayScore = new(30, PayerBand.Late), Tags = ["us"] }, default);
        await directory.UpsertAsync(_tenant, Summary("timely-eu") with { PayScore = new(90, PayerBand.Timely), Tags = ["eu", "vip"] }, default);

        var late = await QueryAsync(directory, Query() with { Band = PayerBand.Late });
        var eu = await QueryAsync(directory, Query() with { Tag = "eu" });
        var lateEu = await QueryAsync(directory, Query() with { Band = PayerBand.Late, Tag = "eu" });

        Assert.Equal(["late-eu", "late-us"], late.Items.Select(c => c.Id));
        Assert.Equal(["late-eu", "timely-eu"], eu.Items.Select(c => c.Id));
        Assert.Equal(["late-eu"], lateEu.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Query_ByMode_CountsCustomersWithoutAModeAsTheTenantDefault()
    {
        var directory = await DirectoryAsync();
        await directory.UpsertAsync(_tenant, Summary("default") with { ReminderMode = null }, default);
        await directory.UpsertAsync(_tenant, Summary("smart") with { ReminderMode = ReminderMode.Smart }, default);
        await directory.UpsertAsync(_tenant, Summary("none") with { ReminderMode = ReminderMode.None }, default);

        var smartByDefault = await QueryAsync(directory, Query() with { Mode = ReminderMode.Smart, DefaultMode = ReminderMode.Smart });
        var smartExplicit = await QueryAsync(directory, Query() with { Mode = ReminderMode.Smart, DefaultMode = ReminderMode.None });
        var none = await QueryAsync(directory, Query() with { Mode = ReminderMode.None, DefaultMode = ReminderMode.None });

        Assert.Equal(["default", "smart"], smartByDefault.Items.Select(c => c.Id));
        Assert.Equal(["smart"], smartExplicit.Items.Select(c => c.Id));
        Assert.Equal(["default", "none"], none.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Query_AnotherTenant_SeesNothing()
    {
        var directory = await DirectoryAsync();
        await directory.UpsertAsync(_tenant, Summary("c-1"), CancellationToken.None);

        var page = await directory.QueryAsync(NewId("tn"), Query(), CancellationToken.None);

        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Remove_TakesTheCustomerOutOfTheList()
    {
        var directory = await DirectoryAsync();
        await directory.UpsertAsync(_tenant, Summary("c-1"), CancellationToken.None);
        await directory.UpsertAsync(_tenant, Summary("c-2"), CancellationToken.None);

        await directory.RemoveAsync(_tenant, "c-1", CancellationToken.None);

        Assert.Equal(["c-2"], (await QueryAsync(directory, Query())).Items.Select(c => c.Id));
    }

    private Task<DirectoryPage> QueryAsync(ICustomerDirectory directory, DirectoryQuery query) =>
        directory.QueryAsync(_tenant, query, CancellationToken.None);

    private static DirectoryQuery Query(int limit = 50, string? after = null) => new(null, null, null, limit, after);

    private static CustomerSummary Summary(string id, string name = "Customer", DateTimeOffset? updatedAt = null) =>
        new(id, name, [], PaymentMethod.BankTransfer, null, PayScoreSummary.Unscored, [], null, updatedAt ?? Now);
}
