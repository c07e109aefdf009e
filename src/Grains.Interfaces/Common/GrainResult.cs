namespace Mimo.Grains.Interfaces.Common;

/// <summary>How a grain command ended; expected outcomes are values, not exceptions.</summary>
public enum ResultStatus
{
    Ok = 0,
    Created = 1,
    NotFound = 2,
    Conflict = 3,
    Invalid = 4,

    /// <summary>An idempotency key was used again with a different request.</summary>
    KeyReused = 5,
}

/// <summary>
/// The outcome of a grain command. <see cref="Error"/> is a sentence for a person;
/// <see cref="Field"/> names the request field an <see cref="ResultStatus.Invalid"/> outcome is about.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.GrainResult`1")]
public sealed record GrainResult<T>(
    [property: Id(0)] ResultStatus Status,
    [property: Id(1)] T? Value,
    [property: Id(2)] string? Error = null,
    [property: Id(3)] string? Field = null)
{
    public bool Succeeded => Status is ResultStatus.Ok or ResultStatus.Created;

    public static GrainResult<T> Ok(T value) => new(ResultStatus.Ok, value);

    public static GrainResult<T> Created(T value) => new(ResultStatus.Created, value);

    public static GrainResult<T> NotFound(string error) => new(ResultStatus.NotFound, default, error);

    public static GrainResult<T> Conflict(string error) => new(ResultStatus.Conflict, default, error);

    public static GrainResult<T> Invalid(string field, string error) => new(ResultStatus.Invalid, default, error, field);

    public static GrainResult<T> KeyReused(string error) => new(ResultStatus.KeyReused, default, error);
}
