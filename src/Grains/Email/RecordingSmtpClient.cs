using MailKit.Net.Smtp;
using MimeKit;

namespace Mimo.Grains.Email;

/// <summary>
/// An SMTP client that records, per message, which recipients the server refused for good and
/// whether the server had accepted the sender, instead of failing the whole message on one
/// refused address.
/// </summary>
internal sealed class RecordingSmtpClient : SmtpClient
{
    private readonly List<string> _refused = [];
    private readonly List<string> _answers = [];

    /// <summary>Recipients the server refused with a 5xx answer while sending the current message.</summary>
    public IReadOnlyList<string> Refused => _refused;

    /// <summary>Each refused recipient with the server's answer, e.g. <c>a@b.test (550 no such user)</c>.</summary>
    public string RefusalDetails => string.Join(", ", _answers);

    /// <summary>The server answered MAIL FROM for the current message: from here on it may accept it.</summary>
    public bool SenderAccepted { get; private set; }

    /// <summary>Clears what was recorded for the previous message.</summary>
    public void BeginMessage()
    {
        _refused.Clear();
        _answers.Clear();
        SenderAccepted = false;
    }

    protected override void OnSenderAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        SenderAccepted = true;
        base.OnSenderAccepted(message, mailbox, response);
    }

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        if (SmtpFailure.IsPermanent(response.StatusCode))
        {
            _refused.Add(mailbox.Address);
            _answers.Add(HeaderText.Clean($"{mailbox.Address} ({(int)response.StatusCode} {response.Response})"));
            return;
        }

        base.OnRecipientNotAccepted(message, mailbox, response);
    }

    protected override void OnNoRecipientsAccepted(MimeMessage message) =>
        throw new RecipientsRefusedException(_refused, RefusalDetails);
}

/// <summary>The server refused every recipient of a message with a 5xx answer.</summary>
internal sealed class RecipientsRefusedException(IReadOnlyList<string> refused, string details)
    : Exception($"The SMTP server refused every recipient ({refused.Count}).")
{
    public IReadOnlyList<string> Refused { get; } = [.. refused];

    /// <summary>Each refused recipient with the server's answer.</summary>
    public string Details { get; } = details;
}
