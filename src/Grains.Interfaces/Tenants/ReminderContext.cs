using Mimo.Grains.Interfaces.Workflows;

namespace Mimo.Grains.Interfaces.Tenants;

/// <summary>
/// What a customer grain needs of its tenant to plan reminders: the send settings and the
/// workflows. <see cref="Revision"/> grows with every change to either, so a customer can tell
/// whether what it cached is current.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.ReminderContext")]
public sealed record ReminderContext(
    [property: Id(0)] TenantSettings Settings,
    [property: Id(1)] IReadOnlyList<Workflow> Workflows,
    [property: Id(2)] long Revision);
