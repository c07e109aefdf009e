using Mimo.Grains.Interfaces.Templates;

namespace Mimo.Grains.Templates;

/// <summary>
/// The persisted state of one template. A deleted template keeps its <see cref="Version"/>, so that
/// a template saved again under the same id never repeats a version a cache may still hold.
/// </summary>
[GenerateSerializer, Alias("mimo.TemplateState")]
public sealed class TemplateState
{
    /// <summary>Null until the template is saved, and again after it is deleted.</summary>
    [Id(0)]
    public TemplateContent? Content { get; set; }

    [Id(1)]
    public int Version { get; set; }

    [Id(2)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(3)]
    public DateTimeOffset UpdatedAt { get; set; }

    public bool Exists => Content is not null;
}
