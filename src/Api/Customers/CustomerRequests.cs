using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Customers;

/// <summary>An email address a customer's reminders go to.</summary>
public sealed record ContactRequest(string? Email, string? Name);

/// <summary><c>PUT /v1/customers/{customerId}</c>: the whole customer; omitted fields take their defaults.</summary>
public sealed record CustomerRequest(
    string? Name,
    IReadOnlyList<ContactRequest?>? Contacts,
    string? TimeZone,
    IReadOnlyList<string?>? Tags,
    PaymentMethod? PaymentMethod)
{
    public const int MaxContacts = 20;
    public const int MaxTags = 50;
    public const int MaxTagLength = 64;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        Fields.Text(errors, "name", Name);
        ValidateContacts(errors);
        Fields.TimeZone(errors, "timeZone", TimeZone);
        ValidateTags(errors, "tags", Tags);
        return errors;
    }

    public CustomerDetails ToDetails() => new(
        Name!.Trim(),
        (Contacts ?? []).Select(c => new Contact(c!.Email!, string.IsNullOrWhiteSpace(c.Name) ? null : c.Name.Trim()))
            .DistinctBy(c => c.Email, StringComparer.OrdinalIgnoreCase)
            .ToList(),
        TimeZone,
        (Tags ?? []).Select(t => t!).Distinct(StringComparer.Ordinal).ToList(),
        PaymentMethod ?? Grains.Interfaces.Common.PaymentMethod.Other);

    private void ValidateContacts(ValidationErrors errors)
    {
        var contacts = Contacts ?? [];
        if (contacts.Count > MaxContacts)
        {
            errors.Add("contacts", $"A customer has at most {MaxContacts} contacts.");
            return;
        }

        for (var i = 0; i < contacts.Count; i++)
        {
            if (contacts[i] is not { } contact)
            {
                errors.Add($"contacts[{i}]", "A contact must be an object {email, name?}.");
                continue;
            }

            Fields.Email(errors, $"contacts[{i}].email", contact.Email);
            Fields.OptionalText(errors, $"contacts[{i}].name", contact.Name);
        }
    }

    /// <summary>The tag rules, which workflow audiences share.</summary>
    public static void ValidateTags(ValidationErrors errors, string field, IReadOnlyList<string?>? tags)
    {
        tags ??= [];
        if (tags.Count > MaxTags)
        {
            errors.Add(field, $"At most {MaxTags} tags are allowed.");
            return;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tags[i]))
            {
                errors.Add($"{field}[{i}]", "A tag must not be empty.");
            }
            else
            {
                Fields.OptionalText(errors, $"{field}[{i}]", tags[i], MaxTagLength);
            }
        }
    }
}
