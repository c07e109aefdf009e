using System.Security.Cryptography;
using System.Text.Json;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Reminders;

/// <summary>
/// How manual requests are told apart. A client's Idempotency-Key is claimed once per tenant for
/// the whole request (a send or a batch), with a fingerprint of its content, so that the same key
/// with a different request is refused before anything is sent. Each customer then remembers its
/// own part under a key derived from the client's, so a repeat sends nothing twice. Without a
/// client key every request gets fresh keys.
/// </summary>
public static class ManualRequests
{
    private const string Scope = "manual";

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.General);

    /// <summary>Claims the client's key for this request; <see cref="KeyClaim.Different"/> means refuse.</summary>
    public static Task<KeyClaim> ClaimAsync(
        IGrainFactory grains,
        string tenantId,
        string clientKey,
        string fingerprint) =>
        grains.GetGrain<IRequestKeyGrain>($"{tenantId}/{Scope}/{clientKey}").ClaimAsync(fingerprint);

    public static ManualRequest ForSend(string? clientKey, string customerId, ManualReminder reminder) =>
        new("send/" + (clientKey ?? FreshKey()), SendFingerprint(customerId, reminder));

    public static ManualRequest ForBatchItem(string? clientKey, string customerId, ManualReminder reminder) =>
        new(
            $"batch/{customerId}/{clientKey ?? FreshKey()}",
            Fingerprint(new Content("batch-item", [customerId], [reminder])));

    public static string SendFingerprint(string customerId, ManualReminder reminder) =>
        Fingerprint(new Content("send", [customerId], [reminder]));

    public static string BatchFingerprint(ManualBatchRequest batch) =>
        Fingerprint(new Content(
            "batch",
            batch.Items!.Select(item => item!.CustomerId!).ToList(),
            Enumerable.Range(0, batch.Items!.Count).Select(batch.ReminderFor).ToList()));

    /// <summary>SHA-256 of the request as parsed: spacing or property order in the JSON make no difference.</summary>
    private static string Fingerprint(Content content) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(content, Canonical)));

    private static string FreshKey() => Guid.NewGuid().ToString("N");

    private sealed record Content(
        string Route,
        IReadOnlyList<string> CustomerIds,
        IReadOnlyList<ManualReminder> Reminders);
}
