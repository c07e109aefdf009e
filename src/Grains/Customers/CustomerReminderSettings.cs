using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Customers;

/// <summary>How one customer is reminded. A null mode follows the tenant's default mode.</summary>
[GenerateSerializer, Immutable, Alias("mimo.CustomerReminderSettings")]
public sealed record CustomerReminderSettings(
    [property: Id(0)] ReminderMode? Mode,
    [property: Id(1)] string? WorkflowId,
    [property: Id(2)] DateTimeOffset? PausedUntil)
{
    public static CustomerReminderSettings Default { get; } = new(null, null, null);
}
