using Fluid;
using Mimo.Grains.Interfaces.Templates;

namespace Mimo.Grains.Email;

/// <summary>
/// Renders tenant templates (Liquid) into emails. Thread-safe: register one instance.
/// </summary>
/// <remarks>
/// The HTML body is rendered with HTML encoding on, so customer data can never add markup; the
/// subject and plain-text body are rendered as text, and the subject is made safe for a header.
/// Without a plain-text template, the text body is derived from the rendered HTML.
/// <c>include</c> and <c>render</c> find nothing (an empty partial): a template reads only its model.
/// </remarks>
public sealed class TemplateRenderer(int cacheCapacity = TemplateRenderer.DefaultCacheCapacity)
{
    /// <summary>How many parsed templates are kept by default.</summary>
    public const int DefaultCacheCapacity = 1024;

    private static readonly FluidParser Parser = new();

    private readonly ParsedTemplateCache<ParsedTemplate> _cache = new(cacheCapacity);

    /// <summary>The number of parsed templates held now; never more than the cache capacity.</summary>
    public int CachedTemplates => _cache.Count;

    /// <summary>Renders <paramref name="content"/> with <paramref name="model"/>.</summary>
    /// <param name="cacheKey">
    /// Names this exact template content, for instance <c>"{tenant}/{template}@{version}"</c>: the
    /// parsed template is reused for the same key, so a changed template needs a new key.
    /// </param>
    /// <exception cref="TemplateRenderException">
    /// The template has a syntax error, or rendering it broke a sandbox limit.
    /// </exception>
    public RenderedEmail Render(string cacheKey, TemplateContent content, TemplateModel model)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheKey);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(model);

        var template = _cache.GetOrAdd(cacheKey, () => Parse(content));

        var values = TemplateValues.From(model, TemplateSandbox.PlainText);
        var subject = RenderPart(template.Subject, TemplatePart.Subject, content.Name, values);
        var html = RenderPart(template.Html, TemplatePart.Html, content.Name, values);
        var text = template.Text is null
            ? HtmlText.ToPlainText(html)
            : RenderPart(template.Text, TemplatePart.Text, content.Name, values);
        return new RenderedEmail(HeaderText.Clean(subject), html, text);
    }

    private static ParsedTemplate Parse(TemplateContent content) =>
        new(
            ParsePart(content.Subject, TemplatePart.Subject, content.Name),
            ParsePart(content.Html, TemplatePart.Html, content.Name),
            content.Text is null ? null : ParsePart(content.Text, TemplatePart.Text, content.Name));

    private static IFluidTemplate ParsePart(string source, TemplatePart part, string templateName)
    {
        if (Parser.TryParse(source, out var template, out var error))
        {
            return AmountOutputRewriter.Rewrite(template);
        }

        // Fluid appends the whole source to its message: the first line says what and where.
        var firstLine = error.Trim().Split('\n')[0].Trim();
        throw new TemplateRenderException(
            $"The {Describe(part)} of template '{templateName}' has a syntax error: {firstLine}");
    }

    private static string RenderPart(
        IFluidTemplate template,
        TemplatePart part,
        string templateName,
        TemplateValues values)
    {
        var options = part == TemplatePart.Html ? TemplateSandbox.Html : TemplateSandbox.PlainText;
        using var deadline = new CancellationTokenSource(TemplateSandbox.Deadline);
        var context = new TemplateContext(options, StringComparer.Ordinal) { CancellationToken = deadline.Token };
        values.CopyTo(context);

        try
        {
            return part == TemplatePart.Html
                ? template.Render(context, TemplateSandbox.HtmlEncoder)
                : template.Render(context, NullEncoder.Default);
        }
        catch (Exception exception) when (exception is not TemplateRenderException)
        {
            throw new TemplateRenderException(
                $"The {Describe(part)} of template '{templateName}' could not be rendered: {Explain(exception)}",
                exception);
        }
    }

    private static string Explain(Exception exception) => exception switch
    {
        OperationCanceledException =>
            $"it took longer than {TemplateSandbox.Deadline.TotalSeconds:0} seconds.",
        InvalidOperationException when exception.Message.Contains("steps", StringComparison.OrdinalIgnoreCase) =>
            $"it does too much work (more than {TemplateSandbox.MaxSteps} steps); look for a loop that never ends.",
        InvalidOperationException when exception.Message.Contains("output", StringComparison.OrdinalIgnoreCase) =>
            $"it produces more than {TemplateSandbox.MaxOutputSize} characters.",
        InvalidOperationException when exception.Message.Contains("collection", StringComparison.OrdinalIgnoreCase) =>
            $"it builds a list of more than {TemplateSandbox.MaxCollectionSize} items.",
        InvalidOperationException when exception.Message.Contains("recursion", StringComparison.OrdinalIgnoreCase) =>
            $"it recurses more than {TemplateSandbox.MaxRecursion} levels deep.",
        _ => exception.Message,
    };

    private static string Describe(TemplatePart part) => part switch
    {
        TemplatePart.Subject => "subject",
        TemplatePart.Html => "HTML body",
        _ => "text body",
    };

    private enum TemplatePart
    {
        Subject,
        Html,
        Text,
    }

    private sealed record ParsedTemplate(IFluidTemplate Subject, IFluidTemplate Html, IFluidTemplate? Text);
}
