using Microsoft.Extensions.DependencyInjection;
using Mimo.Grains.Activity;
using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Tests.Infrastructure;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Activity;

[Collection(GrainClusterCollection.Name)]
public sealed class ActivityLogGrainTests(GrainClusterFixture fixture)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);

    private readonly string _tenant = NewId("tn");

    private IActivityLog SiloLog => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IActivityLog>();

    private IActivityLogGrain Grain => fixture.Client.GetGrain<IActivityLogGrain>(0);

    [Fact]
    public async Task Query_PagesThroughTheSilosActivityLogNewestFirst()
    {
        var entries = Enumerable.Range(0, 3).Select(i => Entry(Now.AddMinutes(-i))).ToList();
        await SiloLog.AppendAsync(_tenant, "c-1", entries, CancellationToken.None);

        var first = await Grain.QueryAsync(_tenant, "c-1", 2, null);
        var second = await Grain.QueryAsync(_tenant, "c-1", 2, first.NextBefore);

        Assert.Equal([entries[0].Id, entries[1].Id], first.Items.Select(e => e.Id));
        Assert.Equal([entries[2].Id], second.Items.Select(e => e.Id));
        Assert.Null(second.NextBefore);
    }

    [Fact]
    public async Task Query_ReturnsTheEntriesListsAndMissingValuesIntact()
    {
        var entry = Entry(Now) with { InvoiceIds = ["INV-1", "INV-2"], To = ["a@acme.test", "b@acme.test"] };
        await SiloLog.AppendAsync(_tenant, "c-1", [entry], CancellationToken.None);

        var read = Assert.Single((await Grain.QueryAsync(_tenant, "c-1", 10, null)).Items);

        Assert.Equal(entry.InvoiceIds, read.InvoiceIds);
        Assert.Equal(entry.To, read.To);
        Assert.Equal(entry.Subject, read.Subject);
        Assert.Null(read.MessageId);
        Assert.Null(read.Step);
    }

    [Fact]
    public async Task Query_CustomerWithoutActivity_IsAnEmptyLastPage()
    {
        var page = await Grain.QueryAsync(_tenant, "nobody", 10, null);

        Assert.Empty(page.Items);
        Assert.Null(page.NextBefore);
    }

    private static ActivityEntry Entry(DateTimeOffset at) =>
        new(Guid.NewGuid(), at, ActivityKind.Failed, ReminderSource.Manual, ["INV-1"], "Reminder", ["ap@acme.test"],
            null, "mailbox_full");
}
