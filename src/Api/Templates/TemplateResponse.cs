using Mimo.Grains.Interfaces.Templates;

namespace Mimo.Api.Templates;

/// <summary>The template resource. <see cref="Version"/> grows with every change.</summary>
public sealed record TemplateResponse(
    string Id,
    string Name,
    string Subject,
    string Html,
    string? Text,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static TemplateResponse From(MessageTemplate template) => new(
        template.Id,
        template.Content.Name,
        template.Content.Subject,
        template.Content.Html,
        template.Content.Text,
        template.Version,
        template.CreatedAt,
        template.UpdatedAt);
}
