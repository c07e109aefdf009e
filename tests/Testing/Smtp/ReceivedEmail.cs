using MimeKit;

namespace Mimo.Testing.Smtp;

/// <summary>A message the test SMTP server accepted, with the envelope it came in.</summary>
/// <param name="EnvelopeRecipients">The RCPT TO addresses the server accepted for this message.</param>
public sealed record ReceivedEmail(MimeMessage Message, string EnvelopeFrom, IReadOnlyList<string> EnvelopeRecipients);
