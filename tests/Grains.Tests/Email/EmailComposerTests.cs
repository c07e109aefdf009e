using MimeKit;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Email;
using static Mimo.Grains.Tests.Email.EmailTestData;

namespace Mimo.Grains.Tests.Email;

public sealed class EmailComposerTests
{
    private static readonly DateTimeOffset Date = new(2026, 4, 15, 9, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Compose_Body_IsMultipartAlternativeWithUtf8TextThenHtml()
    {
        var email = AnEmail() with { Text = "Grüße", Html = "<p>Grüße</p>" };

        var message = RoundTrip(EmailComposer.Compose(email, Date));

        var body = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Collection(
            body,
            part => AssertPart(part, "text/plain", "Grüße"),
            part => AssertPart(part, "text/html", "<p>Grüße</p>"));
    }

    [Fact]
    public void Compose_Headers_CarryTheEmailsAddressesSubjectDateAndMessageId()
    {
        var email = AnEmail("ap@acme.test", "cfo@acme.test") with
        {
            ReplyTo = new EmailAddress("help@globex.test", "Globex Help"),
        };

        var message = RoundTrip(EmailComposer.Compose(email, Date));

        Assert.Equal(new MailboxAddress("Globex Billing", "billing@globex.test"), message.From.Mailboxes.Single());
        Assert.Equal(new MailboxAddress("Globex Help", "help@globex.test"), message.ReplyTo.Mailboxes.Single());
        Assert.Equal(["ap@acme.test", "cfo@acme.test"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(email.Subject, message.Subject);
        Assert.Equal(Date, message.Date);
        Assert.Equal(email.MessageId, message.MessageId);
        Assert.Contains($"Message-Id: <{email.MessageId}>", Serialize(message), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compose_WithoutReplyTo_HasNoReplyToHeader()
    {
        var message = RoundTrip(EmailComposer.Compose(AnEmail(), Date));

        Assert.False(message.Headers.Contains(HeaderId.ReplyTo));
    }

    [Fact]
    public void Compose_LineBreaksInSubject_AddNoHeader()
    {
        var email = AnEmail() with { Subject = "Invoice\r\nBcc: victim@example.test\r\nX-Injected: yes" };

        var message = RoundTrip(EmailComposer.Compose(email, Date));

        Assert.Equal("Invoice Bcc: victim@example.test X-Injected: yes", message.Subject);
        AssertOnlyHeaders(message, "From", "To", "Subject", "Date", "Message-Id", "MIME-Version");
    }

    [Fact]
    public void Compose_LineBreaksInDisplayNames_AddNoHeader()
    {
        var email = AnEmail() with
        {
            From = new EmailAddress("billing@globex.test", "Globex\r\nBcc: victim@example.test"),
            ReplyTo = new EmailAddress("help@globex.test", "Help\nX-Injected: yes"),
            To = [new EmailAddress("ap@acme.test", "Acme\r\n\r\n<b>body</b>")],
        };

        var message = RoundTrip(EmailComposer.Compose(email, Date));

        Assert.Equal("Globex Bcc: victim@example.test", message.From.Mailboxes.Single().Name);
        Assert.Equal("Help X-Injected: yes", message.ReplyTo.Mailboxes.Single().Name);
        Assert.Equal("Acme <b>body</b>", message.To.Mailboxes.Single().Name);
        AssertOnlyHeaders(
            message, "From", "Reply-To", "To", "Subject", "Date", "Message-Id", "MIME-Version");
    }

    private static void AssertOnlyHeaders(MimeMessage message, params string[] expected)
    {
        Assert.Empty(message.Bcc);
        Assert.Equal(
            expected.Order(StringComparer.OrdinalIgnoreCase),
            message.Headers.Select(h => h.Field).Order(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
    }

    private static void AssertPart(MimeEntity entity, string mimeType, string text)
    {
        var part = Assert.IsType<TextPart>(entity);
        Assert.Equal(mimeType, part.ContentType.MimeType);
        Assert.Equal("utf-8", part.ContentType.Charset);
        Assert.Equal(text, part.Text);
    }

    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    private static string Serialize(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return System.Text.Encoding.ASCII.GetString(stream.ToArray());
    }
}
