using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Filters;
using Fluid.Values;

namespace Mimo.Grains.Email;

/// <summary>
/// The limits and settings every tenant template is rendered with. Templates are written by
/// tenants, so a render must end quickly, stay small and read nothing but its model.
/// </summary>
internal static class TemplateSandbox
{
    /// <summary>Statements and loop iterations one part of an email may execute.</summary>
    public const int MaxSteps = 500_000;

    /// <summary>Characters one part of an email may produce (about 1 MB).</summary>
    public const int MaxOutputSize = 1_000_000;

    /// <summary>How deeply rendering may recurse (the parser itself refuses blocks nested over 200 deep).</summary>
    public const int MaxRecursion = 20;

    /// <summary>Items a range or filter may build into one list.</summary>
    public const int MaxCollectionSize = 100_000;

    /// <summary>Wall-clock backstop for a single part, in case a filter is slow on huge input.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>Encodes every value written into HTML, keeping non-ASCII text readable.</summary>
    public static readonly HtmlEncoder HtmlEncoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Options for the HTML body: <c>raw</c> cannot switch encoding off.</summary>
    public static TemplateOptions Html { get; } = Limited()
        .AddFilter("raw", KeepEncoded)
        .AddFilter("newline_to_br", EncodedLineBreaks)
        .Build();

    /// <summary>Options for the subject and the plain-text body, rendered without encoding.</summary>
    public static TemplateOptions PlainText { get; } = Limited().Build();

    private static TemplateOptionsBuilder Limited() =>
        new TemplateOptionsBuilder()
            .WithMaxSteps(MaxSteps)
            .WithMaxOutputSize(MaxOutputSize)
            .WithMaxRecursion(MaxRecursion)
            .WithMaxCollectionSize(MaxCollectionSize)
            .WithModelNamesComparer(StringComparer.Ordinal)
            .WithTimeZone(TimeZoneInfo.Utc)
            .WithFileProvider(new DelegateTemplateFileProvider(NoPartial))
            .AddFilter("format_number", BoundedFormatNumber)
            .AddFilter("format_string", BoundedFormatString);

    // include and render find an empty partial: templates read nothing but their model.
    private static ValueTask<TemplateSourceInfo> NoPartial(string path, TemplateContext context, CancellationToken _) =>
        ValueTask.FromResult(new TemplateSourceInfo(DateTimeOffset.UnixEpoch, EmptyStream, "none"));

    private static ValueTask<Stream> EmptyStream(CancellationToken cancellationToken) =>
        ValueTask.FromResult<Stream>(new MemoryStream([], writable: false));

    private static ValueTask<FluidValue> BoundedFormatNumber(
        FluidValue input,
        FilterArguments arguments,
        TemplateContext context)
    {
        var format = arguments.At(0);
        FormatLimits.CheckNumberFormat("format_number", format.IsNil() ? null : format.ToStringValue(context));
        return MiscFilters.FormatNumber(input, arguments, context);
    }

    private static ValueTask<FluidValue> BoundedFormatString(
        FluidValue input,
        FilterArguments arguments,
        TemplateContext context)
    {
        FormatLimits.CheckCompositeFormat("format_string", input.ToStringValue(context));
        return MiscFilters.FormatString(input, arguments, context);
    }

    // Customer data is untrusted: in HTML, raw leaves a value as it is and encoding still applies.
    private static ValueTask<FluidValue> KeepEncoded(
        FluidValue input,
        FilterArguments arguments,
        TemplateContext context) => input;

    // Encodes the text itself, then adds the line breaks as markup, so newlines show in HTML.
    private static ValueTask<FluidValue> EncodedLineBreaks(
        FluidValue input,
        FilterArguments arguments,
        TemplateContext context)
    {
        var lines = input.ToStringValue(context).ReplaceLineEndings("\n").Split('\n');
        var html = string.Join("<br />\n", lines.Select(HtmlEncoder.Encode));
        return StringValue.Create(html, false);
    }
}
