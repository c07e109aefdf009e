namespace Mimo.Grains.Requests;

/// <summary>The request a key was first used with, and when.</summary>
[GenerateSerializer, Alias("mimo.RequestKeyState")]
public sealed class RequestKeyState
{
    [Id(0)]
    public string? Fingerprint { get; set; }

    [Id(1)]
    public DateTimeOffset ClaimedAt { get; set; }
}
