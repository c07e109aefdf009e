namespace Mimo.Grains.Interfaces.Customers;

/// <summary>How a request key was claimed.</summary>
[GenerateSerializer, Alias("mimo.KeyClaim")]
public enum KeyClaim
{
    /// <summary>The key is new (or was last used more than 48 hours ago): go ahead.</summary>
    New = 0,

    /// <summary>The key was used for the same request: go ahead, every effect of it is itself idempotent.</summary>
    Repeat = 1,

    /// <summary>The key was used for a different request: refuse.</summary>
    Different = 2,
}

/// <summary>
/// Remembers one Idempotency-Key of a tenant for requests that touch many grains (a batch of manual
/// reminders), keyed <c>"{tenantId}/{scope}/{key}"</c>: the fingerprint of the request it was first
/// used with, for 48 hours. It only tells a repeat from a different request; each customer of the
/// batch remembers its own part, so a repeat sends nothing twice.
/// </summary>
[Alias("mimo.IRequestKeyGrain")]
public interface IRequestKeyGrain : IGrainWithStringKey
{
    [Alias("ClaimAsync")]
    Task<KeyClaim> ClaimAsync(string fingerprint);
}
