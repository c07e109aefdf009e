namespace Mimo.Grains.Interfaces.Tenants;

/// <summary>
/// Re-plans a tenant's customers after its send settings or workflows changed, keyed by tenant id.
/// It finds them through the customer directory and works in the background; a newer request
/// restarts it. Work that a silo failure cuts short is not resumed: each customer also re-plans
/// from the tenant's current settings whenever its own reminder fires.
/// </summary>
[Alias("mimo.ITenantReplanGrain")]
public interface ITenantReplanGrain : IGrainWithStringKey
{
    /// <summary>Starts re-planning for <paramref name="revision"/> of the tenant's settings, and returns at once.</summary>
    [Alias("RequestAsync")]
    Task RequestAsync(long revision);
}
