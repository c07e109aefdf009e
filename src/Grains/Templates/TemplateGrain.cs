using Microsoft.Extensions.DependencyInjection;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Templates;

namespace Mimo.Grains.Templates;

/// <summary>
/// The content of one template. The tenant grain decides what may be saved or deleted and keeps
/// the list; this grain only stores the bodies, so that the tenant's state stays small.
/// </summary>
[GrainType("template")]
internal sealed class TemplateGrain(
    [PersistentState("template", StorageNames.GrainStorage)] IPersistentState<TemplateState> state,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock) : Grain, ITemplateGrain
{
    private TemplateState Template => state.State;

    public Task<MessageTemplate?> GetAsync() => Task.FromResult(Template.Exists ? ToMessage() : null);

    public async Task<GrainResult<MessageTemplate>> SaveAsync(TemplateContent content)
    {
        var created = !Template.Exists;
        var now = clock.GetUtcNow();
        if (created)
        {
            Template.CreatedAt = now;
        }

        Template.Content = content;
        Template.Version++;
        Template.UpdatedAt = now;
        await WriteAsync();

        var saved = ToMessage();
        return created ? GrainResult<MessageTemplate>.Created(saved) : GrainResult<MessageTemplate>.Ok(saved);
    }

    public async Task<bool> DeleteAsync()
    {
        if (!Template.Exists)
        {
            return false;
        }

        Template.Content = null;
        Template.UpdatedAt = clock.GetUtcNow();
        await WriteAsync();
        return true;
    }

    private MessageTemplate ToMessage()
    {
        var (_, templateId) = TemplateKey.Parse(this.GetPrimaryKeyString());
        return new MessageTemplate(
            templateId,
            Template.Content!,
            Template.Version,
            Template.CreatedAt,
            Template.UpdatedAt);
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
}
