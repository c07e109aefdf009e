using Mimo.Api.Http;

namespace Mimo.Api.Reminders;

/// <summary>
/// The rules for what a manual reminder may say, shared by the send, batch and preview bodies.
/// <c>prefix</c> puts a batch item's fields under <c>items[i].</c>.
/// </summary>
public static class ManualReminderRules
{
    public const int MaxInvoiceIds = 500;
    public const int MaxSubjectLength = 1000;
    public const int MaxMessageLength = 10_000;

    /// <summary>Null names no invoice (all open ones); otherwise 1 to 500 distinct invoice ids.</summary>
    public static void InvoiceIds(ValidationErrors errors, string prefix, IReadOnlyList<string?>? invoiceIds)
    {
        if (invoiceIds is null)
        {
            return;
        }

        if (invoiceIds.Count is 0 or > MaxInvoiceIds)
        {
            errors.Add(prefix + "invoiceIds",
                $"Name 1 to {MaxInvoiceIds} invoices, or leave invoiceIds out to list every open invoice.");
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < invoiceIds.Count; i++)
        {
            var field = $"{prefix}invoiceIds[{i}]";
            Fields.Id(errors, field, invoiceIds[i]);
            if (invoiceIds[i] is { } id && !seen.TryAdd(id, i))
            {
                errors.Add(field, $"Invoice '{Fields.Shorten(id)}' is already named at invoiceIds[{seen[id]}].");
            }
        }
    }

    /// <summary>A subject typed for this send replaces the template's: one line of 1 to 1000 characters.</summary>
    public static void Subject(ValidationErrors errors, string prefix, string? subject)
    {
        if (subject is not null && string.IsNullOrWhiteSpace(subject))
        {
            errors.Add(prefix + "subject", "The subject must not be blank; leave it out for the template's subject.");
            return;
        }

        Fields.OptionalText(errors, prefix + "subject", subject, MaxSubjectLength);
    }

    /// <summary>The message shown in the email: up to 10,000 characters, line breaks allowed.</summary>
    public static void Message(ValidationErrors errors, string prefix, string? message)
    {
        if (message is null)
        {
            return;
        }

        if (message.Length > MaxMessageLength)
        {
            errors.Add(prefix + "message", $"The message must be at most {MaxMessageLength} characters long.");
        }
        else if (message.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            errors.Add(prefix + "message", "The message must contain no control characters but line breaks and tabs.");
        }
    }

    public static void TemplateId(ValidationErrors errors, string? templateId)
    {
        if (templateId is not null)
        {
            Fields.Id(errors, "templateId", templateId);
        }
    }

    /// <summary>A subject as it is sent: trimmed, or null for the template's.</summary>
    public static string? CleanSubject(string? subject) => subject?.Trim();
}
