namespace Mimo.Grains.Interfaces.Common;

/// <summary>An amount in one ISO 4217 currency.</summary>
[GenerateSerializer, Immutable, Alias("mimo.MoneyAmount")]
public sealed record MoneyAmount(
    [property: Id(0)] string Currency,
    [property: Id(1)] decimal Amount);
