using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Interfaces.Workflows;

/// <summary>
/// Which customers a workflow applies to. Every criterion that is set must hold; an empty audience
/// matches every customer. <see cref="MinOutstanding"/> holds when the customer owes at least that
/// amount in at least one currency.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.WorkflowAudience")]
public sealed record WorkflowAudience(
    [property: Id(0)] IReadOnlyList<string>? Tags = null,
    [property: Id(1)] IReadOnlyList<PayerBand>? Bands = null,
    [property: Id(2)] IReadOnlyList<PaymentMethod>? PaymentMethods = null,
    [property: Id(3)] decimal? MinOutstanding = null);

/// <summary>
/// One step: the email sent <see cref="OffsetDays"/> days from an invoice's due date (negative =
/// before). The step's name identifies it in the record of what was sent, so it is unique within
/// its workflow: renaming a step makes it a new step.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.WorkflowStep")]
public sealed record WorkflowStep(
    [property: Id(0)] string Name,
    [property: Id(1)] int OffsetDays,
    [property: Id(2)] string TemplateId);

/// <summary>Repeats the last step every <see cref="EveryDays"/> days, at most <see cref="MaxTimes"/> times.</summary>
[GenerateSerializer, Immutable, Alias("mimo.WorkflowRepeat")]
public sealed record WorkflowRepeat(
    [property: Id(0)] int EveryDays,
    [property: Id(1)] int MaxTimes);

/// <summary>What a tenant sends to create or replace a workflow.</summary>
[GenerateSerializer, Immutable, Alias("mimo.WorkflowDefinition")]
public sealed record WorkflowDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] int Priority,
    [property: Id(2)] WorkflowAudience Audience,
    [property: Id(3)] IReadOnlyList<WorkflowStep> Steps,
    [property: Id(4)] WorkflowRepeat? Repeat);

/// <summary>A stored workflow.</summary>
[GenerateSerializer, Immutable, Alias("mimo.Workflow")]
public sealed record Workflow(
    [property: Id(0)] string Id,
    [property: Id(1)] WorkflowDefinition Definition,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset UpdatedAt);
