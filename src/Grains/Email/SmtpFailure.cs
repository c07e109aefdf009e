using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Email;

/// <summary>Turns what went wrong talking to an SMTP server into a <see cref="DeliveryOutcome"/>.</summary>
internal static class SmtpFailure
{
    private const int MaxReasonLength = 300;

    public static bool IsPermanent(SmtpStatusCode code) => (int)code is >= 500 and < 600;

    /// <summary>
    /// True when the connection itself failed (rather than the server answering), which is worth
    /// one more try on a new connection if the server cannot have accepted the message yet.
    /// </summary>
    public static bool IsBrokenConnection(Exception exception) =>
        exception is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException
            or TimeoutException or OperationCanceledException;

    /// <param name="refused">Recipients the server had refused for good before the failure.</param>
    public static DeliveryOutcome Classify(Exception exception, IReadOnlyList<string> refused, TimeSpan timeout) =>
        exception switch
        {
            RecipientsRefusedException all => DeliveryOutcome.Permanent(
                Clip($"The SMTP server refused every recipient: {all.Details}."), all.Refused),
            SmtpCommandException command when IsPermanent(command.StatusCode) =>
                DeliveryOutcome.Permanent(Reason(command), refused),
            SmtpCommandException command => DeliveryOutcome.Transient(Reason(command)),
            AuthenticationException => DeliveryOutcome.Transient("The SMTP server did not accept the credentials."),
            SslHandshakeException => DeliveryOutcome.Transient("The TLS handshake with the SMTP server failed."),
            OperationCanceledException or TimeoutException =>
                DeliveryOutcome.Transient($"The SMTP server did not answer within {timeout}."),
            ServiceNotConnectedException or ObjectDisposedException =>
                DeliveryOutcome.Transient("The connection to the SMTP server was lost."),
            ParseException or ArgumentException or InvalidOperationException =>
                DeliveryOutcome.Permanent(Clip($"The email cannot be sent as it is: {exception.Message}"), refused),
            _ => DeliveryOutcome.Transient(Clip($"SMTP failed: {exception.Message}")),
        };

    private static string Reason(SmtpCommandException command) =>
        Clip($"The SMTP server answered {(int)command.StatusCode}: {command.Message}");

    // Server answers are untrusted text: one line, bounded.
    private static string Clip(string reason)
    {
        var line = HeaderText.Clean(reason);
        return line.Length <= MaxReasonLength ? line : line[..MaxReasonLength];
    }
}
