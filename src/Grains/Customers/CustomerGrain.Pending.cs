using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Customers;

// Replaced by the delivery work of issue 3 before it lands.
internal sealed partial class CustomerGrain
{
    public Task<PreparedDelivery> PrepareDeliveryAsync(string messageId) => throw new NotImplementedException();

    public Task CompleteDeliveryAsync(string messageId, DeliveryOutcome outcome) => throw new NotImplementedException();
}
