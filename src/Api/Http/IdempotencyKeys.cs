namespace Mimo.Api.Http;

/// <summary>
/// The <c>Idempotency-Key</c> request header: 1 to 255 printable ASCII characters chosen by the
/// client, e.g. a UUID. A request sent again with the same key is answered as the first time.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 255;

    /// <summary>Adds an error under the header's name when a key was sent and is not valid.</summary>
    public static void Validate(ValidationErrors errors, string? key)
    {
        if (key is not null && !IsValid(key))
        {
            errors.Add(Header, $"The {Header} must be 1 to {MaxLength} printable ASCII characters, e.g. a UUID.");
        }
    }

    public static bool IsValid(string key) =>
        key.Length is >= 1 and <= MaxLength && key.All(c => c is >= ' ' and <= '~');
}
