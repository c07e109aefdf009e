namespace Mimo.Silo.Tests.Probes;

/// <summary>A grain that keeps one reminder and reports every tick to <see cref="ReminderTicks"/>.</summary>
[Alias("mimo.tests.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("StartAsync")]
    Task StartAsync(TimeSpan dueTime, TimeSpan period);

    [Alias("StopAsync")]
    Task StopAsync();
}

[GrainType("test-reminder-probe")]
internal sealed class ReminderProbeGrain(ReminderTicks ticks, ILocalSiloDetails silo) : Grain, IReminderProbeGrain, IRemindable
{
    public const string ReminderName = "probe";

    public Task StartAsync(TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public async Task StopAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.Record(this.GetPrimaryKeyString(), silo.SiloAddress);
        return Task.CompletedTask;
    }
}
