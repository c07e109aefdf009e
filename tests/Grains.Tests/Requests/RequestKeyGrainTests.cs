using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Tests.Reminders;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Requests;

public sealed class RequestKeyGrainTests : IAsyncLifetime
{
    private ReminderWorld _world = null!;

    public async Task InitializeAsync() => _world = await ReminderWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task AKey_IsNewOnce_ThenARepeatOfItsRequest_OrADifferentOne()
    {
        var key = _world.Client.GetGrain<IRequestKeyGrain>($"{NewId("tn")}/batch/k1");

        Assert.Equal(KeyClaim.New, await key.ClaimAsync("body-a"));
        Assert.Equal(KeyClaim.Repeat, await key.ClaimAsync("body-a"));
        Assert.Equal(KeyClaim.Different, await key.ClaimAsync("body-b"));
    }

    [Fact]
    public async Task AKey_IsForgotten48HoursAfterItsFirstUse()
    {
        var key = _world.Client.GetGrain<IRequestKeyGrain>($"{NewId("tn")}/batch/k1");
        await key.ClaimAsync("body-a");

        _world.Clock.Advance(TimeSpan.FromHours(47));
        Assert.Equal(KeyClaim.Different, await key.ClaimAsync("body-b"));
        _world.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(KeyClaim.New, await key.ClaimAsync("body-b"));
    }
}
