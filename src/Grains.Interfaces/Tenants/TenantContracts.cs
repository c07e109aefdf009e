using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Interfaces.Tenants;

/// <summary>The name and address reminders are sent from.</summary>
[GenerateSerializer, Immutable, Alias("mimo.Sender")]
public sealed record Sender(
    [property: Id(0)] string Name,
    [property: Id(1)] string Email);

/// <summary>What the operator sends to create a tenant.</summary>
[GenerateSerializer, Immutable, Alias("mimo.NewTenant")]
public sealed record NewTenant(
    [property: Id(0)] string Name,
    [property: Id(1)] string? TimeZone,
    [property: Id(2)] Sender Sender);

/// <summary>The stored form of an API key: its public id and the SHA-256 of its secret.</summary>
[GenerateSerializer, Immutable, Alias("mimo.ApiKeyHash")]
public sealed record ApiKeyHash(
    [property: Id(0)] string KeyId,
    [property: Id(1)] byte[] SecretHash,
    [property: Id(2)] DateTimeOffset CreatedAt);

/// <summary>A tenant's settings; every automatic send follows them.</summary>
[GenerateSerializer, Immutable, Alias("mimo.TenantSettings")]
public sealed record TenantSettings(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] TimeOnly SendTime,
    [property: Id(4)] IReadOnlyList<DayOfWeek> BusinessDays,
    [property: Id(5)] int MinDaysBetweenReminders,
    [property: Id(6)] ReminderMode DefaultReminderMode,
    [property: Id(7)] Sender Sender,
    [property: Id(8)] string? ReplyTo,
    [property: Id(9)] IReadOnlyDictionary<PayerBand, string> SmartTemplates,
    [property: Id(10)] DateTimeOffset CreatedAt);

/// <summary>
/// A partial update of <see cref="TenantSettings"/>: null leaves a setting as it is.
/// <see cref="ClearReplyTo"/> removes the reply-to address.
/// </summary>
[GenerateSerializer, Immutable, Alias("mimo.TenantSettingsPatch")]
public sealed record TenantSettingsPatch(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? TimeZone = null,
    [property: Id(2)] TimeOnly? SendTime = null,
    [property: Id(3)] IReadOnlyList<DayOfWeek>? BusinessDays = null,
    [property: Id(4)] int? MinDaysBetweenReminders = null,
    [property: Id(5)] ReminderMode? DefaultReminderMode = null,
    [property: Id(6)] Sender? Sender = null,
    [property: Id(7)] string? ReplyTo = null,
    [property: Id(8)] bool ClearReplyTo = false,
    [property: Id(9)] IReadOnlyDictionary<PayerBand, string>? SmartTemplates = null);

/// <summary>One of a tenant's API keys as the tenant may see it: its id and when it was made, never its secret.</summary>
[GenerateSerializer, Immutable, Alias("mimo.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] DateTimeOffset CreatedAt);
