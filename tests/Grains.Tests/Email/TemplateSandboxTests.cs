using Mimo.Grains.Email;
using static Mimo.Grains.Tests.Email.EmailTestData;

namespace Mimo.Grains.Tests.Email;

/// <summary>
/// A tenant's template cannot hurt the service: each way to make a render huge or endless stops
/// with a <see cref="TemplateRenderException"/> that says why, before the work is done.
/// </summary>
public sealed class TemplateSandboxTests
{
    /// <summary>Far less than the hundreds of megabytes an unbounded format would build.</summary>
    private const long AllocationBound = 32 * 1024 * 1024;

    private readonly TemplateRenderer _renderer = new();

    [Theory]
    [InlineData("{{ 1 | format_number: 'F99999999' }}")]
    [InlineData("{{ 1 | format_number: 'E99999999' }}")]
    [InlineData("{{ 1 | format_number: 'N99999999' }}")]
    [InlineData("{{ 1 | format_number: 'C9999999' }}")]
    [InlineData("{{ 1 | format_number: 'P51' }}")]
    [InlineData("{{ '{0:N99999999}' | format_string: 1 }}")]
    [InlineData("{{ 'Due: {0:F99999999}' | format_string: invoices[0].amount_due }}")]
    [InlineData("{{ '{0,1001}' | format_string: 1 }}")]
    [InlineData("{{ '{0,-999999}x' | format_string: 'a' }}")]
    public void Render_FormatAskingForAHugePrecisionOrWidth_IsRefusedBeforeFormatting(string source)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<TemplateRenderException>(() => Render(source));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < AllocationBound);
        Assert.StartsWith("The HTML body of template 'Friendly' could not be rendered: format_", error.Message);
        Assert.Contains("at most", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ invoices[0].amount_due | format_number: 'N2' }}", "1,200.00")]
    [InlineData("{{ 1 | format_number: 'F50' }}", "1.00000000000000000000000000000000000000000000000000")]
    [InlineData("{{ 1234.5 | format_number: '#,##0.00' }}", "1,234.50")]
    [InlineData("{{ 'Total: {0:N2} ({1,5})' | format_string: 1200, 'EUR' }}", "Total: 1,200.00 (  EUR)")]
    public void Render_FormatWithinTheLimits_Formats(string source, string expected)
    {
        var email = _renderer.Render(AKey(), ATemplate(source), AModel());

        Assert.Equal(expected, email.Html);
    }

    [Theory]
    [InlineData("{{ 1 | format_number: 'D999999999' }}")]
    [InlineData("{{ 1 | format_number: 'X9999999' }}")]
    [InlineData("{{ '{0,99999999}' | format_string: 1 }}")]
    [InlineData("{{ '{0' | format_string: 1 }}")]
    public void Render_FormatThatDotNetRefuses_IsATemplateError(string source)
    {
        var error = Assert.Throws<TemplateRenderException>(() => Render(source));

        Assert.StartsWith("The HTML body of template 'Friendly' could not be rendered: ", error.Message);
    }

    [Theory]
    [InlineData("{{ 'x' | pad_left: 99999999 }}{{ 'x' | pad_right: 99999999 }}", "xx")]
    [InlineData("{{ 'abc' | truncate: 2147483647 }}", "abc")]
    [InlineData("{{ 'a b' | truncatewords: 1, '{0,99999999}' }}", "a{0,99999999}")]
    [InlineData("{{ 1 | round: 2147483647 }}", "1")]
    public void Render_FiltersWithHugeArguments_StayTheSizeOfTheirInput(string source, string expected)
    {
        var email = _renderer.Render(AKey(), ATemplate(source), AModel());

        Assert.Equal(expected, email.Html);
    }

    [Theory]
    [InlineData("{% assign s = 'aaaaaaaaaa' %}{% assign s = s | replace: 'a', s %}" +
        "{% assign s = s | replace: 'a', s %}{% assign s = s | replace: 'a', s %}" +
        "{% assign s = s | replace: 'a', s %}{{ s.size }}")]
    [InlineData("{% capture c %}{% for i in (1..100000) %}xxxxxxxxxxxxxxxxxxxx{% endfor %}{% endcapture %}" +
        "{{ c.size }}")]
    [InlineData("{% assign s = 'x' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}")]
    public void Render_StringThatGrowsWithoutEnd_IsStoppedByTheOutputLimit(string source)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<TemplateRenderException>(() => Render(source));

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < AllocationBound);
        var expected = $"more than {TemplateSandbox.MaxOutputSize} characters";
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RangeOfTwoBillion_IsStoppedByTheCollectionLimit()
    {
        var template = ATemplate("{% for i in (1..2000000000) %}{% endfor %}");

        var error = Assert.Throws<TemplateRenderException>(() => _renderer.Render(AKey(), template, AModel()));

        var expected = $"more than {TemplateSandbox.MaxCollectionSize} items";
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LoopThatNeverEnds_IsStoppedByTheStepLimit()
    {
        var template = ATemplate(
            "{% assign a = (1..100000) %}{% for i in a %}{% for j in a %}{% endfor %}{% endfor %}");

        var error = Assert.Throws<TemplateRenderException>(() => _renderer.Render(AKey(), template, AModel()));

        Assert.Contains("look for a loop that never ends", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ options }}{{ context }}{{ model }}{{ environment }}{{ _tenant }}")]
    [InlineData("{{ tenant.id }}{{ tenant.api_keys }}{{ customer.contacts }}{{ customer.details }}")]
    [InlineData("{{ invoices[0].payments }}{{ invoices[0].customer }}{{ invoices.first.tenant }}")]
    public void Render_NamesOutsideTheDocumentedModel_RenderNothing(string source)
    {
        var email = _renderer.Render(AKey(), ATemplate($"[{source}]"), AModel());

        Assert.Equal("[]", email.Html);
    }

    private RenderedEmail Render(string source) => _renderer.Render(AKey(), ATemplate(source), AModel());
}
