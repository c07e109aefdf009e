using Microsoft.Extensions.DependencyInjection;
using Mimo.Grains;
using Mimo.Silo.Tests.Infrastructure;
using Mimo.Silo.Tests.Probes;
using Orleans.Storage;

namespace Mimo.Silo.Tests.Postgres;

/// <summary>Orleans' ADO.NET grain storage on the project's PostgreSQL statements.</summary>
public sealed class GrainStorageTests(PostgresSiloFixture fixture) : IClassFixture<PostgresSiloFixture>
{
    private const string StateName = "probe";

    private IGrainStorage Storage => fixture.Silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStorage);

    [Fact]
    public async Task Write_ThenRead_RoundTripsTheStateAndItsETag()
    {
        var grain = NewGrainId();
        var written = State(3, "three");

        await Storage.WriteStateAsync(StateName, grain, written);
        var read = await ReadAsync(grain);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(3, read.State!.Count);
        Assert.Equal("three", read.State!.Text);
    }

    [Fact]
    public async Task Read_NothingStored_GivesAnEmptyStateWithoutETag()
    {
        var read = await ReadAsync(NewGrainId());

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal(0, read.State!.Count);
    }

    [Fact]
    public async Task Write_WithAnETagThatIsNoLongerCurrent_IsAConflictAndKeepsTheNewerState()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync(StateName, grain, State(1, "first"));
        var first = await ReadAsync(grain);
        var second = await ReadAsync(grain);
        first.State!.Text = "from the first copy";
        await Storage.WriteStateAsync(StateName, grain, first);

        second.State!.Text = "from the stale copy";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, second));

        Assert.Equal("from the first copy", (await ReadAsync(grain)).State!.Text);
    }

    [Fact]
    public async Task Write_FirstWriteWhenARowExists_IsAConflict()
    {
        var grain = NewGrainId();
        await Storage.WriteStateAsync(StateName, grain, State(1, "first"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, State(2, "blind")));

        Assert.Equal("first", (await ReadAsync(grain)).State!.Text);
    }

    [Fact]
    public async Task Write_TwoFirstWritesRacing_OneWinsAndOneRowRemains()
    {
        var grain = NewGrainId();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await Storage.WriteStateAsync(StateName, grain, State(i, $"writer {i}"));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM mimo_grain_state WHERE grain_id_extension = $1", grain.Key.ToString()));
        Assert.True((await ReadAsync(grain)).RecordExists);
    }

    [Fact]
    public async Task Clear_WithTheCurrentETag_DeletesTheRow()
    {
        var grain = NewGrainId();
        var state = State(1, "doomed");
        await Storage.WriteStateAsync(StateName, grain, state);

        await Storage.ClearStateAsync(StateName, grain, state);

        Assert.False((await ReadAsync(grain)).RecordExists);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "SELECT count(*) FROM mimo_grain_state WHERE grain_id_extension = $1", grain.Key.ToString()));
    }

    [Fact]
    public async Task Clear_WithAStaleETag_IsAConflictAndKeepsTheState()
    {
        var grain = NewGrainId();
        var stale = State(1, "one");
        await Storage.WriteStateAsync(StateName, grain, stale);
        var current = await ReadAsync(grain);
        await Storage.WriteStateAsync(StateName, grain, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.ClearStateAsync(StateName, grain, new GrainState<ProbeState>(stale.State, "1")));

        Assert.True((await ReadAsync(grain)).RecordExists);
    }

    [Fact]
    public async Task Write_AfterClear_StartsAFreshRecord()
    {
        var grain = NewGrainId();
        var state = State(1, "before");
        await Storage.WriteStateAsync(StateName, grain, state);
        await Storage.ClearStateAsync(StateName, grain, state);

        state.State!.Text = "after";
        await Storage.WriteStateAsync(StateName, grain, state);

        Assert.Equal("after", (await ReadAsync(grain)).State!.Text);
    }

    [Fact]
    public async Task StateNames_OfTheSameGrain_AreStoredApart()
    {
        var grain = NewGrainId();

        await Storage.WriteStateAsync("first", grain, State(1, "first"));
        await Storage.WriteStateAsync("second", grain, State(2, "second"));

        var first = new GrainState<ProbeState>(new ProbeState());
        await Storage.ReadStateAsync("first", grain, first);
        Assert.Equal("first", first.State!.Text);
    }

    [Fact]
    public async Task GuidKeyedGrains_AreStoredAndReadBack()
    {
        var grain = GrainId.Create(GrainType.Create("test-guid-probe"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid()));

        await Storage.WriteStateAsync(StateName, grain, State(9, "guid"));

        Assert.Equal("guid", (await ReadAsync(grain)).State!.Text);
    }

    private static GrainId NewGrainId() => GrainId.Create("test-probe", "tenant-" + Guid.NewGuid().ToString("N"));

    private static GrainState<ProbeState> State(int count, string text) =>
        new(new ProbeState { Count = count, Text = text });

    private async Task<GrainState<ProbeState>> ReadAsync(GrainId grain)
    {
        var state = new GrainState<ProbeState>(new ProbeState());
        await Storage.ReadStateAsync(StateName, grain, state);
        return state;
    }
}
