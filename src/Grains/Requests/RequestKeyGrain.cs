using Microsoft.Extensions.DependencyInjection;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Grains.Requests;

/// <summary>
/// One Idempotency-Key: its fingerprint is stored durably when first claimed and forgotten 48 hours
/// later, when a reminder clears the stored row so that keys do not pile up.
/// </summary>
[GrainType("request-key")]
internal sealed class RequestKeyGrain(
    [PersistentState("request-key", StorageNames.GrainStorage)] IPersistentState<RequestKeyState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, IRequestKeyGrain, IRemindable
{
    public static readonly TimeSpan Memory = TimeSpan.FromHours(48);

    private const string ForgetReminder = "forget";

    public async Task<KeyClaim> ClaimAsync(string fingerprint)
    {
        var now = clock.GetUtcNow();
        if (state.State.Fingerprint is { } known && now - state.State.ClaimedAt <= Memory)
        {
            return known == fingerprint ? KeyClaim.Repeat : KeyClaim.Different;
        }

        state.State.Fingerprint = fingerprint;
        state.State.ClaimedAt = now;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ForgetReminder, Memory + TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));
        return KeyClaim.New;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Fingerprint is not null && clock.GetUtcNow() - state.State.ClaimedAt <= Memory)
        {
            return;
        }

        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        if (await this.GetReminder(ForgetReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        DeactivateOnIdle();
    }
}
