using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Templates;

namespace Mimo.Grains.Tenants;

/// <summary>
/// A tenant: settings, API key hashes, workflows and the list of its templates. It never sees a
/// key's secret. Every change to the send settings or the workflows raises the revision and asks
/// the tenant's re-plan grain to bring its customers up to date in the background.
/// </summary>
[GrainType("tenant")]
internal sealed partial class TenantGrain(
    [PersistentState("tenant", StorageNames.GrainStorage)] IPersistentState<TenantState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<TenantGrain> logger) : Grain, ITenantGrain
{
    private TenantState Tenant => state.State;

    private string TenantId => this.GetPrimaryKeyString();

    public async Task<GrainResult<TenantSettings>> CreateAsync(NewTenant tenant, ApiKeyHash firstKey)
    {
        if (Tenant.Exists)
        {
            return GrainResult<TenantSettings>.Conflict("The tenant already exists.");
        }

        var template = await Template(DefaultTemplate.Id).SaveAsync(DefaultTemplate.Content);

        Tenant.Settings = TenantDefaults.For(TenantId, tenant, clock.GetUtcNow());
        Tenant.ApiKeys.Add(firstKey);
        Tenant.Templates[DefaultTemplate.Id] = Summarize(template.Value!);
        Tenant.Revision = 1;
        await WriteAsync();

        LogTenantCreated(logger, TenantId, firstKey.KeyId);
        return GrainResult<TenantSettings>.Created(Tenant.Settings);
    }

    public Task<TenantSettings?> GetSettingsAsync() => Task.FromResult(Tenant.Settings);

    public async Task<GrainResult<TenantSettings>> UpdateSettingsAsync(TenantSettingsPatch patch)
    {
        if (Tenant.Settings is not { } settings)
        {
            return NoSuchTenant<TenantSettings>();
        }

        var unknown = patch.SmartTemplates?.FirstOrDefault(t => !Tenant.Templates.ContainsKey(t.Value));
        if (unknown is { Value: not null } missing)
        {
            return GrainResult<TenantSettings>.Invalid(
                $"smartTemplates.{missing.Key.ToString().ToLowerInvariant()}", $"There is no template '{missing.Value}'.");
        }

        Tenant.Settings = TenantDefaults.Apply(settings, patch);
        await WriteNewRevisionAsync();

        LogSettingsChanged(logger, TenantId, Tenant.Revision);
        return GrainResult<TenantSettings>.Ok(Tenant.Settings);
    }

    public Task<bool> IsKeyValidAsync(string keyId, byte[] secretHash)
    {
        var valid = false;
        foreach (var key in Tenant.ApiKeys)
        {
            // Every stored key is compared, each in constant time, so timing tells nothing.
            var sameId = string.Equals(key.KeyId, keyId, StringComparison.Ordinal);
            var sameSecret = CryptographicOperations.FixedTimeEquals(key.SecretHash, secretHash);
            valid |= sameId & sameSecret;
        }

        return Task.FromResult(valid && Tenant.Exists);
    }

    public Task<ReminderContext?> GetReminderContextAsync() => Task.FromResult(
        Tenant.Settings is { } settings ? new ReminderContext(settings, OrderedWorkflows(), Tenant.Revision) : null);

    /// <summary>Writes a change to the send settings or the workflows, and re-plans the customers.</summary>
    private async Task WriteNewRevisionAsync()
    {
        Tenant.Revision++;
        await WriteAsync();
        await RequestReplanAsync();
    }

    private async Task RequestReplanAsync()
    {
        try
        {
            await GrainFactory.GetGrain<ITenantReplanGrain>(TenantId).RequestAsync(Tenant.Revision);
        }
        catch (Exception exception)
        {
            // The change is stored and acknowledged; each customer also re-plans when its own reminder fires.
            LogReplanNotRequested(logger, exception, TenantId, Tenant.Revision);
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The stored state is the truth: the next call reloads it instead of this activation's changes.
            DeactivateOnIdle();
            throw;
        }
    }

    private ITemplateGrain Template(string templateId) =>
        GrainFactory.GetGrain<ITemplateGrain>(TemplateKey.Format(TenantId, templateId));

    private static GrainResult<T> NoSuchTenant<T>() => GrainResult<T>.NotFound("There is no such tenant.");
}
