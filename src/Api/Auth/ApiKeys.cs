using System.Security.Cryptography;
using System.Text;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Api.Auth;

/// <summary>A tenant API key as shown once to the tenant, and the hash that is stored instead.</summary>
public sealed record IssuedApiKey(string Key, ApiKeyHash Stored);

/// <summary>
/// Tenant API keys look like <c>mimo_{tenantId}_{keyId}_{secret}</c>: the tenant and key ids say
/// which stored hash to compare with, the secret is 160 random bits. Only its SHA-256 is stored.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "mimo_";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A new tenant id: <c>tn</c> and 16 random characters.</summary>
    public static string NewTenantId() => "tn" + RandomText(16);

    public static IssuedApiKey Issue(string tenantId, DateTimeOffset now)
    {
        var keyId = "k" + RandomText(10);
        var secret = RandomText(32);
        return new IssuedApiKey($"{Prefix}{tenantId}_{keyId}_{secret}", new ApiKeyHash(keyId, Hash(secret), now));
    }

    public static bool TryParse(string presented, out string tenantId, out string keyId, out string secret)
    {
        tenantId = keyId = secret = "";
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return false;
        }

        var parts = presented[Prefix.Length..].Split('_', 3);
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiLetterOrDigit)))
        {
            return false;
        }

        (tenantId, keyId, secret) = (parts[0], parts[1], parts[2]);
        return true;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string RandomText(int length) => RandomNumberGenerator.GetString(Alphabet, length);
}
