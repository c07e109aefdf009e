using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Api.Tenants;

/// <summary>The answer to <c>POST /v1/tenants</c>; <see cref="ApiKey"/> is shown this once only.</summary>
public sealed record CreatedTenantResponse(string Id, string Name, string ApiKey);

/// <summary>A tenant's settings, as <c>GET /v1/tenant</c> shows them.</summary>
public sealed record TenantResponse(
    string Id,
    string Name,
    string TimeZone,
    string SendTime,
    IReadOnlyList<string> BusinessDays,
    int MinDaysBetweenReminders,
    ReminderMode DefaultReminderMode,
    Sender Sender,
    string? ReplyTo,
    IReadOnlyDictionary<string, string> SmartTemplates,
    DateTimeOffset CreatedAt)
{
    public static TenantResponse From(TenantSettings settings) => new(
        settings.Id,
        settings.Name,
        settings.TimeZone,
        TenantFormats.FormatSendTime(settings.SendTime),
        settings.BusinessDays.Select(TenantFormats.FormatDay).ToList(),
        settings.MinDaysBetweenReminders,
        settings.DefaultReminderMode,
        settings.Sender,
        settings.ReplyTo,
        settings.SmartTemplates.ToDictionary(t => TenantFormats.FormatBand(t.Key), t => t.Value),
        settings.CreatedAt);
}
