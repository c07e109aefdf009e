using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Customers;

// Replaced by the scheduling work of issue 3 before it lands.
internal sealed partial class CustomerGrain
{
    public Task<GrainResult<ReminderSettingsView>> SetReminderSettingsAsync(ReminderSettingsChange change) =>
        throw new NotImplementedException();

    public Task<GrainResult<IReadOnlyList<ScheduledSend>>> GetScheduleAsync() => throw new NotImplementedException();

    public Task ReplanAsync() => throw new NotImplementedException();

    public Task<PreparedDelivery> PrepareDeliveryAsync(string messageId) => throw new NotImplementedException();

    public Task CompleteDeliveryAsync(string messageId, DeliveryOutcome outcome) => throw new NotImplementedException();
}
