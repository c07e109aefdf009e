using System.Globalization;
using Mimo.Grains.Email;
using static Mimo.Grains.Tests.Email.EmailTestData;

namespace Mimo.Grains.Tests.Email;

public sealed class TemplateRendererTests
{
    private readonly TemplateRenderer _renderer = new();

    [Theory]
    [InlineData("{{ tenant.name }}", "Globex Software")]
    [InlineData("{{ customer.id }}", "cust-42")]
    [InlineData("{{ customer.name }}", "Acme GmbH")]
    [InlineData("{{ invoices.size }}", "1")]
    [InlineData("{{ invoices[0].number }}", "INV-1")]
    [InlineData("{{ invoices[0].issue_date }}", "2026-03-04")]
    [InlineData("{{ invoices[0].due_date }}", "2026-04-03")]
    [InlineData("{{ invoices[0].amount }}", "1300.00")]
    [InlineData("{{ invoices[0].amount_due }}", "1200.00")]
    [InlineData("{{ invoices[0].currency }}", "EUR")]
    [InlineData("{{ invoices[0].days_overdue }}", "12")]
    [InlineData("{{ invoices[0].payment_url }}", "https://pay.example/inv-1")]
    [InlineData("{{ totals[0].currency }} {{ totals[0].amount_due }}", "EUR 1200.00")]
    [InlineData("{{ step.name }}", "First reminder")]
    [InlineData("{{ message }}", "Please call us.")]
    public void Render_EveryModelVariable_RendersItsValue(string template, string expected)
    {
        var email = _renderer.Render(AKey(), ATemplate(template), AModel(message: "Please call us."));

        Assert.Equal(expected, email.Html);
    }

    [Fact]
    public void Render_LoopOverInvoices_ListsEachOne()
    {
        var model = AModel(invoices: [AnInvoice(number: "A-1"), AnInvoice(number: "B-2")]);

        var template = ATemplate("{% for i in invoices %}{{ i.number }};{% endfor %}");

        var email = _renderer.Render(AKey(), template, model);

        Assert.Equal("A-1;B-2;", email.Html);
    }

    [Fact]
    public void Render_MarkupInCustomerData_IsEncodedInHtmlAndLiteralInText()
    {
        var model = AModel(customerName: "<script>alert('x')</script> & Co");
        var template = ATemplate("<p>Dear {{ customer.name }}</p>", text: "Dear {{ customer.name }}");

        var email = _renderer.Render(AKey(), template, model);

        Assert.Equal("<p>Dear &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co</p>", email.Html);
        Assert.Equal("Dear <script>alert('x')</script> & Co", email.Text);
    }

    [Fact]
    public void Render_RawFilterOnCustomerData_StillEncodes()
    {
        var model = AModel(customerName: "<b>Acme</b>");

        var email = _renderer.Render(AKey(), ATemplate("{{ customer.name | raw }}"), model);

        Assert.Equal("&lt;b&gt;Acme&lt;/b&gt;", email.Html);
    }

    [Fact]
    public void Render_NewlineToBrOnMessage_EncodesTheTextAndBreaksTheLines()
    {
        var model = AModel(message: "Hello <team>,\nplease pay.");

        var email = _renderer.Render(AKey(), ATemplate("{{ message | newline_to_br }}"), model);

        Assert.Equal("Hello &lt;team&gt;,<br />\nplease pay.", email.Html);
    }

    [Theory]
    [InlineData("EUR", "1200", "1200.00")]
    [InlineData("EUR", "1200.5", "1200.50")]
    [InlineData("JPY", "1200", "1200")]
    [InlineData("BHD", "1200.5", "1200.500")]
    public void Render_Amount_HasTheCurrencysDecimals(string currency, string amount, string expected)
    {
        var model = AModel(invoices: AnInvoice(decimal.Parse(amount, CultureInfo.InvariantCulture), currency));
        var template = ATemplate("{{ invoices[0].amount_due }}|{{ totals[0].amount_due }}");

        var email = _renderer.Render(AKey(), template, model);

        Assert.Equal($"{expected}|{expected}", email.Html);
    }

    [Theory]
    [InlineData("{{ invoices[0].amount_due | plus: 1 }}", "1201.0")]
    [InlineData("{{ invoices[0].amount_due | times: 2 }}", "2400.0")]
    [InlineData("{{ invoices[0].amount_due | divided_by: 100 }}", "12.0")]
    [InlineData("{{ invoices[0].amount_due | format_number: 'N2' }}", "1,200.00")]
    [InlineData("{% if invoices[0].amount_due == 1200 %}equal{% endif %}", "equal")]
    [InlineData("{% if 1000 < invoices[0].amount_due %}more{% endif %}", "more")]
    [InlineData("{% if invoices[0].amount_due > 1000 %}more{% endif %}", "more")]
    [InlineData("{{ invoices | map: 'amount_due' | sum }}", "1200.0")]
    [InlineData("{% assign due = invoices[0].amount_due %}{{ due }}", "1200.00")]
    public void Render_FiltersAndComparisonsOnAmounts_UseTheNumber(string template, string expected)
    {
        var email = _renderer.Render(AKey(), ATemplate(template), AModel());

        Assert.Equal(expected, email.Html);
    }

    [Fact]
    public void Render_DateFilter_FormatsTheDate()
    {
        var email = _renderer.Render(AKey(), ATemplate("{{ invoices[0].due_date | date: '%d.%m.%Y' }}"), AModel());

        Assert.Equal("03.04.2026", email.Html);
    }

    [Theory]
    [InlineData("{{ nothing }}")]
    [InlineData("{{ customer.email }}")]
    [InlineData("{{ customer.Name }}")]
    [InlineData("{{ tenant.name.Length }}")]
    [InlineData("{{ invoices[5].number }}")]
    public void Render_UnknownVariable_RendersEmpty(string template)
    {
        var email = _renderer.Render(AKey(), ATemplate($"[{template}]"), AModel());

        Assert.Equal("[]", email.Html);
    }

    [Fact]
    public void Render_StepOfAManualSend_IsEmptyAndFalsy()
    {
        var model = AModel() with { Step = null };

        var template = ATemplate("[{{ step.name }}]{% if step %}step{% else %}manual{% endif %}");

        var email = _renderer.Render(AKey(), template, model);

        Assert.Equal("[]manual", email.Html);
    }

    [Fact]
    public void Render_RunawayLoop_ThrowsTemplateRenderException()
    {
        var template = ATemplate("{% for a in (1..1000) %}{% for b in (1..1000) %}x{% endfor %}{% endfor %}");

        var error = Assert.Throws<TemplateRenderException>(() => _renderer.Render(AKey(), template, AModel()));

        Assert.Contains("HTML body of template 'Friendly'", error.Message, StringComparison.Ordinal);
        Assert.Contains("loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EnormousOutput_ThrowsTemplateRenderException()
    {
        var template = ATemplate(
            "{% assign s = 'aaaaaaaaaa' %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}" +
            "{{ s }}");

        var error = Assert.Throws<TemplateRenderException>(() => _renderer.Render(AKey(), template, AModel()));

        Assert.Contains("characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BlocksNestedTooDeep_ThrowsAShortTemplateRenderException()
    {
        var depth = 1000;
        var template = ATemplate(
            string.Concat(Enumerable.Repeat("{% if true %}", depth)) + "x" +
            string.Concat(Enumerable.Repeat("{% endif %}", depth)));

        var error = Assert.Throws<TemplateRenderException>(() => _renderer.Render(AKey(), template, AModel()));

        Assert.Contains("syntax error", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("{% if true %}{% if true %}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SyntaxError_ThrowsTemplateRenderException()
    {
        var error = Assert.Throws<TemplateRenderException>(
            () => _renderer.Render(AKey(), ATemplate("{% if %}"), AModel()));

        Assert.Contains("syntax error", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% include '/etc/hostname' %}")]
    [InlineData("{% render '/etc/hostname' %}")]
    [InlineData("{% include 'TemplateRendererTests' %}")]
    [InlineData("{% render '../../../../../../etc/passwd' %}")]
    public void Render_IncludeOrRender_FindsNothing(string template)
    {
        var email = _renderer.Render(AKey(), ATemplate($"[{template}]"), AModel());

        Assert.Equal("[]", email.Html);
    }

    [Fact]
    public void Render_SubjectWithControlCharacters_IsOneTrimmedLine()
    {
        var model = AModel(customerName: "Acme\r\nBcc: victim@example.test\u0007");
        var template = ATemplate("<p>x</p>", subject: "  Invoice for {{ customer.name }}\u2028 due\t ");

        var email = _renderer.Render(AKey(), template, model);

        Assert.Equal("Invoice for Acme Bcc: victim@example.test due", email.Subject);
    }

    [Fact]
    public void Render_Subject_IsNotHtmlEncoded()
    {
        var model = AModel(customerName: "Smith & Sons <UK>");

        var email = _renderer.Render(AKey(), ATemplate("<p>x</p>", subject: "For {{ customer.name }}"), model);

        Assert.Equal("For Smith & Sons <UK>", email.Subject);
    }

    [Fact]
    public void Render_WithoutTextTemplate_DerivesTheTextFromTheHtml()
    {
        var template = ATemplate(
            "<h1>Hello {{ customer.name }}</h1><p>Please pay:</p><ul>{% for i in invoices %}" +
            "<li><a href=\"{{ i.payment_url }}\">{{ i.number }}</a> {{ i.amount_due }} {{ i.currency }}</li>" +
            "{% endfor %}</ul><p>Thanks</p>");

        var email = _renderer.Render(AKey(), template, AModel(customerName: "Tom & Jerry"));

        Assert.Equal(
            "Hello Tom & Jerry\n\nPlease pay:\n\n- INV-1 (https://pay.example/inv-1) 1200.00 EUR\n\nThanks",
            email.Text);
    }

    [Fact]
    public void Render_SameKeyTwice_ReusesTheParsedTemplate()
    {
        var key = AKey();
        _renderer.Render(key, ATemplate("first {{ customer.id }}"), AModel());

        var email = _renderer.Render(key, ATemplate("second"), AModel());

        Assert.Equal("first cust-42", email.Html);
    }

    [Fact]
    public void Render_MoreTemplatesThanTheCacheHolds_KeepsTheCacheBounded()
    {
        var renderer = new TemplateRenderer(cacheCapacity: 3);

        for (var i = 0; i < 10; i++)
        {
            renderer.Render(AKey(), ATemplate($"{i}"), AModel());
        }

        Assert.Equal(3, renderer.CachedTemplates);
    }
}
