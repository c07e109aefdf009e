using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Api.Tenants;

/// <summary>The name and address a tenant's reminders are sent from.</summary>
public sealed record SenderRequest(string? Name, string? Email)
{
    public void Validate(ValidationErrors errors, string field)
    {
        Fields.Text(errors, $"{field}.name", Name);
        Fields.Email(errors, $"{field}.email", Email);
    }

    public Sender ToSender() => new(Name!.Trim(), Email!);
}

/// <summary><c>POST /v1/tenants</c>.</summary>
public sealed record CreateTenantRequest(string? Name, string? TimeZone, SenderRequest? Sender)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        Fields.Text(errors, "name", Name);
        Fields.TimeZone(errors, "timeZone", TimeZone);
        if (Sender is null)
        {
            errors.Add("sender", "The sender ({name, email}) is required.");
        }
        else
        {
            Sender.Validate(errors, "sender");
        }

        return errors;
    }

    public NewTenant ToNewTenant() => new(Name!.Trim(), TimeZone, Sender!.ToSender());
}

/// <summary>
/// <c>PATCH /v1/tenant</c>: every field is optional and only the fields sent change.
/// <c>replyTo: null</c> removes the reply-to address.
/// </summary>
public sealed record TenantPatchRequest(
    string? Name,
    string? TimeZone,
    string? SendTime,
    IReadOnlyList<string?>? BusinessDays,
    int? MinDaysBetweenReminders,
    ReminderMode? DefaultReminderMode,
    SenderRequest? Sender,
    string? ReplyTo,
    IReadOnlyDictionary<string, string?>? SmartTemplates)
{
    public const int MaxMinDaysBetweenReminders = 30;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        Fields.OptionalText(errors, "name", Name);
        if (Name is not null && string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("name", "The name must not be blank.");
        }

        Fields.TimeZone(errors, "timeZone", TimeZone);
        if (SendTime is not null && !TenantFormats.TryParseSendTime(SendTime, out _))
        {
            errors.Add("sendTime", "The send time must be a time of day written HH:mm, e.g. 09:00.");
        }

        ValidateBusinessDays(errors);
        if (MinDaysBetweenReminders is < 0 or > MaxMinDaysBetweenReminders)
        {
            errors.Add("minDaysBetweenReminders", $"The minimum gap must be 0 to {MaxMinDaysBetweenReminders} days.");
        }

        Sender?.Validate(errors, "sender");
        if (ReplyTo is not null)
        {
            Fields.Email(errors, "replyTo", ReplyTo);
        }

        ValidateSmartTemplates(errors);
        return errors;
    }

    public TenantSettingsPatch ToPatch(bool clearReplyTo) => new(
        Name?.Trim(),
        TimeZone,
        SendTime is null ? null : TenantFormats.ParseSendTime(SendTime),
        BusinessDays?.Select(d => TenantFormats.ParseDay(d!)).ToList(),
        MinDaysBetweenReminders,
        DefaultReminderMode,
        Sender?.ToSender(),
        ReplyTo,
        clearReplyTo,
        SmartTemplates?.ToDictionary(t => TenantFormats.ParseBand(t.Key), t => t.Value!));

    private void ValidateBusinessDays(ValidationErrors errors)
    {
        if (BusinessDays is null)
        {
            return;
        }

        if (BusinessDays.Count == 0)
        {
            errors.Add("businessDays", "At least one business day is required.");
        }

        foreach (var day in BusinessDays.Where(d => d is null || !TenantFormats.IsDay(d)))
        {
            errors.Add("businessDays", $"'{Fields.Shorten(day ?? "null")}' is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun.");
        }
    }

    private void ValidateSmartTemplates(ValidationErrors errors)
    {
        foreach (var (band, templateId) in SmartTemplates ?? new Dictionary<string, string?>())
        {
            if (!TenantFormats.IsBand(band))
            {
                errors.Add($"smartTemplates.{Fields.Shorten(band)}", "The key must be a band: timely, average, late or unscored.");
            }

            if (!Fields.IsId(templateId))
            {
                errors.Add($"smartTemplates.{Fields.Shorten(band)}", "The value must be a template id.");
            }
        }
    }
}
