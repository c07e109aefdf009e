namespace Mimo.Grains.Interfaces.Templates;

/// <summary>
/// A message template as a tenant writes it: Liquid for the subject, the HTML body and an optional
/// plain-text body (derived from the HTML when absent).
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.TemplateContent")]
public sealed record TemplateContent(
    [property: Id(0)] string Name,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Html,
    [property: Id(3)] string? Text);

/// <summary>A stored template. <see cref="Version"/> grows with every change, so caches can tell.</summary>
[GenerateSerializer, Immutable, Alias("mimo.MessageTemplate")]
public sealed record MessageTemplate(
    [property: Id(0)] string Id,
    [property: Id(1)] TemplateContent Content,
    [property: Id(2)] int Version,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt);

/// <summary>A template as the tenant's list shows it, without its bodies.</summary>
[GenerateSerializer, Immutable, Alias("mimo.TemplateSummary")]
public sealed record TemplateSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Subject,
    [property: Id(3)] DateTimeOffset UpdatedAt);
