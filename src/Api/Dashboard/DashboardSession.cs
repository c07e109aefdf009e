using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Mimo.Api.Auth;
using Mimo.Silo.Hosting;

namespace Mimo.Api.Dashboard;

/// <summary>
/// The operator's dashboard sessions: a cookie <c>{expiry}.{nonce}.{MAC}</c>, signed with a key
/// derived from the operator key. Any API process with the same operator key accepts it, so a
/// load balancer needs no sticky sessions; changing the operator key ends every session.
/// </summary>
public sealed class DashboardSession(
    OperatorKey operatorKey,
    IOptions<DashboardSettings> settings,
    TimeProvider clock)
{
    public const string CookieName = "mimo-dashboard";

    // A cookie longer than this was not made here; it is refused before any work is done on it.
    private const int MaxLength = 128;

    private readonly byte[] _key = operatorKey.DeriveKey("mimo dashboard session v1");

    public TimeSpan Lifetime => settings.Value.SessionLifetime;

    /// <summary>A new session value and the instant it expires.</summary>
    public (string Value, DateTimeOffset ExpiresAt) Issue()
    {
        var expiresAt = clock.GetUtcNow() + Lifetime;
        var payload = string.Create(
            CultureInfo.InvariantCulture,
            $"{expiresAt.ToUnixTimeSeconds()}.{WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16))}");
        return ($"{payload}.{WebEncoders.Base64UrlEncode(Sign(payload))}", expiresAt);
    }

    /// <summary>True when <paramref name="value"/> was issued with this operator key and has not expired.</summary>
    public bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        var macAt = value.LastIndexOf('.');
        var expiryEnd = value.IndexOf('.', StringComparison.Ordinal);
        if (macAt <= 0 || expiryEnd == macAt
            || !TryReadExpiry(value.AsSpan(0, expiryEnd), out var expiry)
            || !TryDecode(value[(macAt + 1)..], out var mac))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(mac, Sign(value[..macAt]))
            && clock.GetUtcNow().ToUnixTimeSeconds() < expiry;
    }

    private byte[] Sign(string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload));

    private static bool TryReadExpiry(ReadOnlySpan<char> text, out long unixSeconds) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds);

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
