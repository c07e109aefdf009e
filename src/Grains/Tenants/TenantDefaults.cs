using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Grains.Tenants;

/// <summary>The settings a new tenant starts with.</summary>
public static class TenantDefaults
{
    public static readonly TimeOnly SendTime = new(9, 0);

    public static readonly DayOfWeek[] BusinessDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public const int MinDaysBetweenReminders = 2;

    /// <summary>Customers are not reminded until the tenant or the customer chooses a mode.</summary>
    public const ReminderMode DefaultReminderMode = ReminderMode.None;

    public static TenantSettings For(string tenantId, NewTenant tenant, DateTimeOffset now) => new(
        tenantId,
        tenant.Name,
        tenant.TimeZone ?? "UTC",
        SendTime,
        BusinessDays,
        MinDaysBetweenReminders,
        DefaultReminderMode,
        tenant.Sender,
        null,
        new Dictionary<PayerBand, string>(),
        now);

    public static TenantSettings Apply(TenantSettings settings, TenantSettingsPatch patch) => settings with
    {
        Name = patch.Name ?? settings.Name,
        TimeZone = patch.TimeZone ?? settings.TimeZone,
        SendTime = patch.SendTime ?? settings.SendTime,
        BusinessDays = patch.BusinessDays?.Distinct().Order().ToArray() ?? settings.BusinessDays,
        MinDaysBetweenReminders = patch.MinDaysBetweenReminders ?? settings.MinDaysBetweenReminders,
        DefaultReminderMode = patch.DefaultReminderMode ?? settings.DefaultReminderMode,
        Sender = patch.Sender ?? settings.Sender,
        ReplyTo = patch.ClearReplyTo ? null : patch.ReplyTo ?? settings.ReplyTo,
        SmartTemplates = patch.SmartTemplates is null
            ? settings.SmartTemplates
            : new Dictionary<PayerBand, string>(patch.SmartTemplates),
    };
}
