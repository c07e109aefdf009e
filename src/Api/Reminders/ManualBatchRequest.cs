using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Reminders;

/// <summary>One customer of a batch: its own invoice selection, subject and message, all optional.</summary>
public sealed record ManualBatchItem(
    string? CustomerId,
    IReadOnlyList<string?>? InvoiceIds,
    string? Subject,
    string? Message);

/// <summary>
/// <c>POST /v1/reminders/batch</c>: 1 to 1,000 customers, each at most once, one individual
/// email each, all written with the same template (the tenant's <c>default</c> when none is named).
/// </summary>
public sealed record ManualBatchRequest(string? TemplateId, IReadOnlyList<ManualBatchItem?>? Items)
{
    public const int MaxItems = 1000;

    /// <summary>The largest batch body: 16 MiB, room for 1,000 customers with a long message each.</summary>
    public const long MaxBodyBytes = 16 * 1024 * 1024;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        ManualReminderRules.TemplateId(errors, TemplateId);
        if (Items is null || Items.Count is 0 or > MaxItems)
        {
            errors.Add("items", $"A batch has 1 to {MaxItems} items.");
            return errors;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Items.Count; i++)
        {
            ValidateItem(errors, i, seen);
        }

        return errors;
    }

    /// <summary>The reminder item <paramref name="index"/> asks for.</summary>
    public ManualReminder ReminderFor(int index)
    {
        var item = Items![index]!;
        return new ManualReminder(
            item.InvoiceIds?.Select(id => id!).ToList(),
            TemplateId,
            ManualReminderRules.CleanSubject(item.Subject),
            item.Message);
    }

    private void ValidateItem(ValidationErrors errors, int index, Dictionary<string, int> seen)
    {
        var prefix = $"items[{index}].";
        if (Items![index] is not { } item)
        {
            errors.Add($"items[{index}]", "An item must be an object {customerId, invoiceIds?, subject?, message?}.");
            return;
        }

        Fields.Id(errors, prefix + "customerId", item.CustomerId);
        if (item.CustomerId is { } customerId && !seen.TryAdd(customerId, index))
        {
            errors.Add(
                prefix + "customerId",
                $"Customer '{Fields.Shorten(customerId)}' is already in items[{seen[customerId]}]: "
                + "a batch sends one email per customer.");
        }

        ManualReminderRules.InvoiceIds(errors, prefix, item.InvoiceIds);
        ManualReminderRules.Subject(errors, prefix, item.Subject);
        ManualReminderRules.Message(errors, prefix, item.Message);
    }
}
