using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Reminders;

/// <summary>
/// <c>POST /v1/customers/{customerId}/reminders/send</c>: one email now that lists the invoices
/// named (all open ones not on hold when <c>invoiceIds</c> is left out), written with a template
/// (the tenant's <c>default</c> when none is named). A <c>subject</c> replaces the template's; a
/// <c>message</c> is shown where the template places it.
/// </summary>
public sealed record ManualSendRequest(
    IReadOnlyList<string?>? InvoiceIds,
    string? TemplateId,
    string? Subject,
    string? Message)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        ManualReminderRules.InvoiceIds(errors, "", InvoiceIds);
        ManualReminderRules.TemplateId(errors, TemplateId);
        ManualReminderRules.Subject(errors, "", Subject);
        ManualReminderRules.Message(errors, "", Message);
        return errors;
    }

    public ManualReminder ToReminder() =>
        new(InvoiceIds?.Select(id => id!).ToList(), TemplateId, ManualReminderRules.CleanSubject(Subject), Message);
}

/// <summary>
/// <c>POST /v1/reminders/preview</c>: the body of a manual send plus the <c>customerId</c>; the
/// answer is the email that send would deliver now, and nothing is sent.
/// </summary>
public sealed record ManualPreviewRequest(
    string? CustomerId,
    IReadOnlyList<string?>? InvoiceIds,
    string? TemplateId,
    string? Subject,
    string? Message)
{
    public ValidationErrors Validate()
    {
        var errors = ToSend().Validate();
        Fields.Id(errors, "customerId", CustomerId);
        return errors;
    }

    public ManualSendRequest ToSend() => new(InvoiceIds, TemplateId, Subject, Message);
}
