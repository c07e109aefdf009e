using System.Text;
using MimeKit;
using MimeKit.Text;
using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Email;

/// <summary>Builds the MIME message for an <see cref="OutgoingEmail"/>.</summary>
public static class EmailComposer
{
    /// <summary>
    /// A multipart/alternative message (UTF-8 plain text, then HTML) with From, Reply-To when set,
    /// To, Subject, Date and <c>Message-ID: &lt;{email.MessageId}&gt;</c>. Display names and the
    /// subject are reduced to one line, so they can never add a header.
    /// </summary>
    /// <param name="date">The Date header, normally the time of the first attempt.</param>
    public static MimeMessage Compose(OutgoingEmail email, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(email);

        var message = new MimeMessage
        {
            Subject = HeaderText.Clean(email.Subject),
            Date = date,
            MessageId = email.MessageId,
            Body = new MultipartAlternative
            {
                Part(TextFormat.Plain, email.Text),
                Part(TextFormat.Html, email.Html),
            },
        };
        message.From.Add(Mailbox(email.From));
        if (email.ReplyTo is not null)
        {
            message.ReplyTo.Add(Mailbox(email.ReplyTo));
        }

        message.To.AddRange(email.To.Select(Mailbox));
        return message;
    }

    private static MailboxAddress Mailbox(EmailAddress address)
    {
        var name = HeaderText.Clean(address.Name);
        return new MailboxAddress(Encoding.UTF8, name.Length == 0 ? null : name, address.Address.Trim());
    }

    // Quoted-printable keeps every line short and 7-bit, whatever the body holds.
    private static TextPart Part(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, content);
        return part;
    }
}
