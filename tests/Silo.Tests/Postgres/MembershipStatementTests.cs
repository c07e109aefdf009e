using Mimo.Testing.Postgres;
using static Mimo.Silo.Tests.Postgres.Parameter;

namespace Mimo.Silo.Tests.Postgres;

/// <summary>The clustering statements' contract, exercised as the membership provider calls them.</summary>
public sealed class MembershipStatementTests : IAsyncLifetime
{
    private const int Active = 3;
    private const int Dead = 6;

    private static readonly DateTime Start = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly string _deployment = "cluster-" + Guid.NewGuid().ToString("N")[..8];
    private TestDatabase _database = null!;
    private ProviderStatements _statements = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _statements = new ProviderStatements(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task InsertVersion_CreatesTheRowOnceAndReportsWhetherItDid()
    {
        Assert.True(await _statements.RunBooleanAsync("InsertMembershipVersionKey", Deployment()));
        Assert.False(await _statements.RunBooleanAsync("InsertMembershipVersionKey", Deployment()));

        Assert.Equal(0, await VersionAsync());
    }

    [Fact]
    public async Task ReadAll_NoSilos_ReturnsOneVersionOnlyRow()
    {
        await InitVersionAsync();

        var rows = await _statements.RunAsync("MembershipReadAllKey", Deployment());

        var row = Assert.Single(rows);
        Assert.Equal(0, row["Version"]);
        Assert.Null(row["StartTime"]);
    }

    [Fact]
    public async Task Insert_WithTheCurrentVersion_AddsTheSiloAndBumpsTheVersion()
    {
        await InitVersionAsync();

        Assert.True(await InsertAsync(port: 11111, version: 0));

        var row = Assert.Single(await _statements.RunAsync("MembershipReadAllKey", Deployment()));
        Assert.Equal(1, row["Version"]);
        Assert.Equal("127.0.0.1", row["Address"]);
        Assert.Equal(11111, row["Port"]);
        Assert.Equal(7, row["Generation"]);
        Assert.Equal("silo-11111", row["SiloName"]);
        Assert.Equal("host-a", row["HostName"]);
        Assert.Equal(Active, row["Status"]);
        Assert.Equal(30000, row["ProxyPort"]);
        Assert.Null(row["SuspectTimes"]);
        Assert.Equal(Start, ((DateTime)row["StartTime"]!).ToUniversalTime());
        Assert.Equal(Start.AddSeconds(5), ((DateTime)row["IAmAliveTime"]!).ToUniversalTime());
    }

    [Fact]
    public async Task Insert_WithAStaleVersion_ChangesNothing()
    {
        await InitVersionAsync();
        Assert.True(await InsertAsync(port: 11111, version: 0));

        Assert.False(await InsertAsync(port: 11112, version: 0));

        Assert.Equal(1, await VersionAsync());
        Assert.Single(await _statements.RunAsync("MembershipReadAllKey", Deployment()));
    }

    [Fact]
    public async Task Insert_ASiloThatExists_ChangesNothing()
    {
        await InitVersionAsync();
        Assert.True(await InsertAsync(port: 11111, version: 0));

        Assert.False(await InsertAsync(port: 11111, version: 1));

        Assert.Equal(1, await VersionAsync());
    }

    [Fact]
    public async Task Insert_ConcurrentWritersWithTheSameVersion_ExactlyOneWins()
    {
        await InitVersionAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => InsertAsync(port: 12000 + i, version: 0))));

        Assert.Single(results, won => won);
        Assert.Equal(1, await VersionAsync());
    }

    [Fact]
    public async Task Update_WithTheCurrentVersion_ChangesStatusVotesAndHeartbeat()
    {
        await InitVersionAsync();
        await InsertAsync(port: 11111, version: 0);
        const string votes = "127.0.0.1:11112@8,2026-12-01 09:00:10.250 GMT";

        Assert.True(await UpdateAsync(port: 11111, version: 1, Dead, votes));

        var row = Assert.Single(await ReadRowAsync(11111));
        Assert.Equal(2, row["Version"]);
        Assert.Equal(Dead, row["Status"]);
        Assert.Equal(votes, row["SuspectTimes"]);
    }

    [Fact]
    public async Task Update_WithAStaleVersion_ChangesNothing()
    {
        await InitVersionAsync();
        await InsertAsync(port: 11111, version: 0);

        Assert.False(await UpdateAsync(port: 11111, version: 0, Dead, null));

        Assert.Equal(1, await VersionAsync());
        Assert.Equal(Active, Assert.Single(await ReadRowAsync(11111))["Status"]);
    }

    [Fact]
    public async Task Update_ASiloThatDoesNotExist_ReturnsFalseAndKeepsTheVersion()
    {
        await InitVersionAsync();
        await InsertAsync(port: 11111, version: 0);

        Assert.False(await UpdateAsync(port: 19999, version: 1, Dead, null));

        Assert.Equal(1, await VersionAsync());
    }

    [Fact]
    public async Task ReadRow_AbsentSilo_ReturnsOnlyTheVersion()
    {
        await InitVersionAsync();
        await InsertAsync(port: 11111, version: 0);

        var row = Assert.Single(await ReadRowAsync(19999));

        Assert.Equal(1, row["Version"]);
        Assert.Null(row["StartTime"]);
    }

    [Fact]
    public async Task Heartbeat_MovesTheAliveTimeOnly()
    {
        await InitVersionAsync();
        await InsertAsync(port: 11111, version: 0);

        await _statements.RunAsync("UpdateIAmAlivetimeKey", [.. Silo(11111), Time("IAmAliveTime", Start.AddMinutes(1))]);

        var row = Assert.Single(await ReadRowAsync(11111));
        Assert.Equal(1, row["Version"]);
        Assert.Equal(Start.AddMinutes(1), ((DateTime)row["IAmAliveTime"]!).ToUniversalTime());
    }

    [Fact]
    public async Task Gateways_ListsActiveSilosWithAGatewayOnly()
    {
        await InitVersionAsync();
        await InsertAsync(port: 11111, version: 0);
        await InsertAsync(port: 11112, version: 1, proxyPort: 0);
        await InsertAsync(port: 11113, version: 2);
        await UpdateAsync(port: 11113, version: 3, Dead, null);

        var rows = await _statements.RunAsync("GatewaysQueryKey", Deployment(), Int("Status", Active));

        var gateway = Assert.Single(rows);
        Assert.Equal("127.0.0.1", gateway["Address"]);
        Assert.Equal(30000, gateway["ProxyPort"]);
        Assert.Equal(7, gateway["Generation"]);
    }

    [Fact]
    public async Task CleanupOne_DeletesADeadSiloOnlyWhileItIsUnchanged()
    {
        await InitVersionAsync();
        await InsertAsync(port: 11111, version: 0);
        await UpdateAsync(port: 11111, version: 1, Dead, "");
        Parameter[] seen = [.. Silo(11111), Text("SuspectTimes", null), Time("StartTime", Start), Time("IAmAliveTime", Start.AddSeconds(5))];

        await _statements.RunAsync("CleanupDefunctSiloEntryKey", [.. seen[..^1], Time("IAmAliveTime", Start.AddSeconds(6))]);
        Assert.NotNull(Assert.Single(await ReadRowAsync(11111))["StartTime"]);

        await _statements.RunAsync("CleanupDefunctSiloEntryKey", seen);
        Assert.Null(Assert.Single(await ReadRowAsync(11111))["StartTime"]);
        Assert.Equal(2, await VersionAsync());
    }

    [Fact]
    public async Task CleanupAll_DeletesDeadSilosWhoseEveryTimeIsBeforeTheCutoff()
    {
        await InitVersionAsync();
        await InsertAsync(port: 11111, version: 0);
        await InsertAsync(port: 11112, version: 1);
        await InsertAsync(port: 11113, version: 2);
        await UpdateAsync(port: 11111, version: 3, Dead, "127.0.0.1:11112@7,2026-12-01 09:00:06.000 GMT");
        await UpdateAsync(port: 11112, version: 4, Dead, "127.0.0.1:11113@7,2026-12-01 10:30:00.000 GMT");

        await _statements.RunAsync("CleanupDefunctSiloEntriesKey", Deployment(), Time("IAmAliveTime", Start.AddHours(1)));

        var ports = (await _statements.RunAsync("MembershipReadAllKey", Deployment())).Select(r => r["Port"]).ToList();
        Assert.Equal([11112, 11113], ports.Order());
        Assert.Equal(5, await VersionAsync());
    }

    [Fact]
    public async Task DeleteEntries_RemovesTheDeploymentEntirely()
    {
        await InitVersionAsync();
        await InsertAsync(port: 11111, version: 0);

        await _statements.RunAsync("DeleteMembershipTableEntriesKey", Deployment());

        Assert.Empty(await _statements.RunAsync("MembershipReadAllKey", Deployment()));
    }

    private Parameter Deployment() => Text("DeploymentId", _deployment);

    private Parameter[] Silo(int port) =>
        [Deployment(), Ansi("Address", "127.0.0.1"), Int("Port", port), Int("Generation", 7)];

    private Task InitVersionAsync() => _statements.RunBooleanAsync("InsertMembershipVersionKey", Deployment());

    private Task<bool> InsertAsync(int port, int version, int proxyPort = 30000) =>
        _statements.RunBooleanAsync("InsertMembershipKey",
        [
            .. Silo(port),
            Text("SiloName", $"silo-{port}"),
            Text("HostName", "host-a"),
            Int("Status", Active),
            Int("ProxyPort", proxyPort),
            Time("StartTime", Start),
            Time("IAmAliveTime", Start.AddSeconds(5)),
            Int("Version", version),
        ]);

    private Task<bool> UpdateAsync(int port, int version, int status, string? suspectTimes) =>
        _statements.RunBooleanAsync("UpdateMembershipKey",
        [
            .. Silo(port),
            Int("Status", status),
            Text("SuspectTimes", suspectTimes),
            Time("IAmAliveTime", Start.AddSeconds(5)),
            Int("Version", version),
        ]);

    private Task<List<Dictionary<string, object?>>> ReadRowAsync(int port) =>
        _statements.RunAsync("MembershipReadRowKey", Silo(port));

    private async Task<int> VersionAsync()
    {
        var rows = await _statements.RunAsync("MembershipReadAllKey", Deployment());
        return (int)rows[0]["Version"]!;
    }
}
