using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Templates;

namespace Mimo.Grains.Tests.Templates;

public sealed class TemplateSyntaxTests
{
    private static TemplateContent Content(string subject = "Hello", string html = "<p>Hello</p>", string? text = null) =>
        new("Test", subject, html, text);

    [Fact]
    public void Validate_ValidLiquid_HasNoErrors()
    {
        var content = Content(
            "Reminder from {{ tenant.name }}",
            "{% for invoice in invoices %}<p>{{ invoice.number | upcase }}</p>{% endfor %}",
            "{% if message != blank %}{{ message }}{% endif %}");

        Assert.Empty(TemplateSyntax.Validate(content));
    }

    [Fact]
    public void Validate_AnUnclosedOutput_NamesTheFieldLineAndColumn()
    {
        var content = Content(html: "<p>Dear {{ customer.name }},</p>\n<p>Thanks.</p>\n<p>{{ tenant.name </p>");

        var error = Assert.Single(TemplateSyntax.Validate(content));

        Assert.Equal("html", error.Field);
        Assert.Equal(3, error.Line);
        Assert.NotNull(error.Column);
        Assert.StartsWith($"Line 3, column {error.Column}: ", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public void Validate_AFilterWithoutItsArgument_SaysLineAndColumn()
    {
        var content = Content(html: "line one\nline two\n{{ x | upcase: }}");

        var error = Assert.Single(TemplateSyntax.Validate(content));

        Assert.Equal("Line 3, column 14: End of tag '}}' was expected.", error.Message);
    }

    [Fact]
    public void Validate_AnUnclosedBlock_SaysWhichEndTagIsMissing()
    {
        var content = Content(text: "Hello\n{% if message %}\n{{ message }}");

        var error = Assert.Single(TemplateSyntax.Validate(content));

        Assert.Equal("text", error.Field);
        Assert.Contains("{% endif %}", error.Message);
        Assert.StartsWith("Line 3, ", error.Message);
    }

    [Fact]
    public void Validate_WindowsLineBreaks_CountLinesTheSame()
    {
        var content = Content(html: "one\r\ntwo\r\n{% unknown_tag %}\r\n");

        var error = Assert.Single(TemplateSyntax.Validate(content));

        Assert.Equal(3, error.Line);
        Assert.Contains("Unknown tag 'unknown_tag'", error.Message);
    }

    [Fact]
    public void Validate_ErrorsInSeveralFields_AreEachReportedInFieldOrder()
    {
        var content = Content("Hello {{ name", "{% endif %}", "{% for x in y %}");

        var errors = TemplateSyntax.Validate(content);

        Assert.Equal(["subject", "html", "text"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal(1, e.Line));
    }

    [Fact]
    public void Validate_NoTextBody_IsNotAnError()
    {
        Assert.Empty(TemplateSyntax.Validate(Content(text: null)));
    }
}
