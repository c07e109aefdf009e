using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Email;

namespace Mimo.Api.Reminders;

/// <summary>A manual reminder accepted for delivery: the email's Message-ID and the invoices it lists.</summary>
public sealed record ManualSendResponse(string MessageId, IReadOnlyList<string> InvoiceIds)
{
    public static ManualSendResponse From(ManualSendResult result) => new(result.MessageId, result.InvoiceIds);
}

/// <summary>An address of an email, with its display name when it has one.</summary>
public sealed record EmailAddressResponse(string Email, string? Name)
{
    public static EmailAddressResponse From(EmailAddress address) => new(address.Address, address.Name);
}

/// <summary>The email a manual send would deliver now: sender, recipients, subject and both bodies.</summary>
public sealed record ManualPreviewResponse(
    EmailAddressResponse From,
    EmailAddressResponse? ReplyTo,
    IReadOnlyList<EmailAddressResponse> To,
    string Subject,
    string Html,
    string Text)
{
    public static ManualPreviewResponse Of(OutgoingEmail email) => new(
        EmailAddressResponse.From(email.From),
        email.ReplyTo is null ? null : EmailAddressResponse.From(email.ReplyTo),
        email.To.Select(EmailAddressResponse.From).ToList(),
        email.Subject,
        email.Html,
        email.Text);
}
