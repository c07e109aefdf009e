using MimeKit;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Email;
using static Mimo.Grains.Tests.Email.EmailTestData;

namespace Mimo.Grains.Tests.Email;

/// <summary>
/// The composer adds no header whatever names, subjects and addresses hold: breaks of every kind
/// fold into one line, and an address that is not one address is refused by MimeKit.
/// </summary>
public sealed class HostileHeaderTests
{
    private static readonly DateTimeOffset Date = new(2026, 4, 15, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("ap@acme.test\r\nBcc: victim@example.test")]
    [InlineData("ap@acme.test\nBcc: victim@example.test")]
    [InlineData("ap@acme.test>\r\nBcc: <victim@example.test")]
    [InlineData("\"ap\r\nBcc: victim@example.test\"@acme.test")]
    [InlineData("ap@acme.test\u2028Bcc: victim@example.test")]
    [InlineData("ap@acme.test, victim@example.test")]
    public void Compose_AddressThatIsNotOneAddress_IsRefused(string address)
    {
        var email = AnEmail() with { To = [new EmailAddress(address)] };

        Assert.Throws<ParseException>(() => EmailComposer.Compose(email, Date));
    }

    [Theory]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\u0085")]
    [InlineData("\v")]
    [InlineData("\f")]
    [InlineData("\r")]
    [InlineData("\0")]
    public void Compose_AnyLineBreakInNamesAndSubject_StaysInOneHeaderLine(string lineBreak)
    {
        var email = AnEmail() with
        {
            Subject = $"Invoice{lineBreak}Bcc: victim@example.test",
            From = new EmailAddress("billing@globex.test", $"Globex{lineBreak}X-Injected: yes"),
            To = [new EmailAddress("ap@acme.test", $"Acme{lineBreak}Cc: victim@example.test")],
        };

        var message = RoundTrip(EmailComposer.Compose(email, Date));

        Assert.Equal("Invoice Bcc: victim@example.test", message.Subject);
        Assert.Equal("Globex X-Injected: yes", message.From.Mailboxes.Single().Name);
        Assert.Equal("Acme Cc: victim@example.test", message.To.Mailboxes.Single().Name);
        Assert.Empty(message.Bcc);
        Assert.Empty(message.Cc);
        var fields = message.Headers.Select(h => h.Field).Order(StringComparer.OrdinalIgnoreCase);
        string[] expected = ["Date", "From", "Message-Id", "MIME-Version", "Subject", "To"];
        Assert.Equal(expected, fields, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Compose_NonAsciiNamesAndSubject_AreEncodedWords_AndReadBackExactly()
    {
        var email = AnEmail() with
        {
            Subject = "Rechnung für Müller & Söhne – 株式会社 🚀",
            To = [new EmailAddress("ap@acme.test", "Zoë \"O'Brien\" <Ölçer>")],
        };

        var message = RoundTrip(EmailComposer.Compose(email, Date));

        Assert.Equal(email.Subject, message.Subject);
        Assert.Equal("Zoë \"O'Brien\" <Ölçer>", message.To.Mailboxes.Single().Name);
    }

    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }
}
