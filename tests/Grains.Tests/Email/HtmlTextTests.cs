using Mimo.Grains.Email;

namespace Mimo.Grains.Tests.Email;

public sealed class HtmlTextTests
{
    [Fact]
    public void ToPlainText_Paragraphs_AreSeparatedByABlankLine()
    {
        var text = HtmlText.ToPlainText("<p>First   paragraph\n of text.</p><p>Second.</p>");

        Assert.Equal("First paragraph of text.\n\nSecond.", text);
    }

    [Fact]
    public void ToPlainText_LineBreaksAndBlocks_StartNewLines()
    {
        var text = HtmlText.ToPlainText("<div>Globex<br>Main Street 1<br/><br>Berlin</div><div>Germany</div>");

        Assert.Equal("Globex\nMain Street 1\n\nBerlin\nGermany", text);
    }

    [Fact]
    public void ToPlainText_ListItems_StartWithADash()
    {
        var text = HtmlText.ToPlainText("<p>Open:</p><ul><li>INV-1</li><li>INV-2<ol><li>part</li></ol></li></ul>");

        Assert.Equal("Open:\n\n- INV-1\n- INV-2\n  - part", text);
    }

    [Theory]
    [InlineData("<a href=\"https://pay.example/1\">Pay now</a>", "Pay now (https://pay.example/1)")]
    [InlineData("<a href=\"https://pay.example/1\">https://pay.example/1</a>", "https://pay.example/1")]
    [InlineData("<a href=\"mailto:ap@acme.test\">ap@acme.test</a>", "ap@acme.test")]
    [InlineData("<a href=\"https://pay.example/1\"><img src=\"x.png\"></a>", "https://pay.example/1")]
    [InlineData("<a href=\"#top\">Top</a>", "Top")]
    [InlineData("<a href=\"javascript:alert(1)\">Click</a>", "Click")]
    public void ToPlainText_Links_KeepTheirAddress(string html, string expected)
    {
        Assert.Equal(expected, HtmlText.ToPlainText(html));
    }

    [Fact]
    public void ToPlainText_Entities_AreDecoded()
    {
        var text = HtmlText.ToPlainText("<p>Tom &amp; Jerry &lt;3 &euro;&nbsp;5 &#x27;ok&#39;</p>");

        Assert.Equal("Tom & Jerry <3 € 5 'ok'", text);
    }

    [Fact]
    public void ToPlainText_ScriptsStylesAndHead_AreDropped()
    {
        var text = HtmlText.ToPlainText(
            "<html><head><title>T</title><style>p { color: red; }</style></head>" +
            "<body><script>alert('x')</script><p>Visible</p></body></html>");

        Assert.Equal("Visible", text);
    }

    [Fact]
    public void ToPlainText_TableRows_BecomeLinesWithSpacedCells()
    {
        var text = HtmlText.ToPlainText(
            "<table><tr><th>Invoice</th><th>Due</th></tr><tr><td>INV-1</td><td>1200.00 EUR</td></tr></table>");

        Assert.Equal("Invoice  Due\nINV-1  1200.00 EUR", text);
    }

    [Fact]
    public void ToPlainText_Preformatted_KeepsItsLines()
    {
        var text = HtmlText.ToPlainText("<p>Details:</p><pre>INV-1   100.00\nINV-2    20.00</pre>");

        Assert.Equal("Details:\n\nINV-1   100.00\nINV-2    20.00", text);
    }

    [Fact]
    public void ToPlainText_DeeplyNestedMarkup_DoesNotOverflowTheStack()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", 50_000)) + "deep";

        Assert.Equal("deep", HtmlText.ToPlainText(html));
    }
}
