using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;

namespace Mimo.Api.Auth;

/// <summary>Operator settings (configuration section <c>Operator</c>).</summary>
public sealed class OperatorOptions
{
    public const string SectionName = "Operator";

    /// <summary>
    /// The operator key, which may only create tenants. When unset, a key is generated at start-up
    /// and printed once in the log. At least 16 characters.
    /// </summary>
    [MinLength(16)]
    public string? ApiKey { get; set; }
}

/// <summary>The operator key of this process, compared in constant time.</summary>
public sealed class OperatorKey
{
    private readonly byte[] _hash;

    public OperatorKey(string key, bool generated)
    {
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        Generated = generated;
        GeneratedKey = generated ? key : null;
    }

    /// <summary>True when no key was configured and this one was made up at start-up.</summary>
    public bool Generated { get; }

    /// <summary>The generated key, to be printed once; null when the key came from configuration.</summary>
    public string? GeneratedKey { get; }

    public static OperatorKey FromOptions(OperatorOptions options) =>
        string.IsNullOrEmpty(options.ApiKey)
            ? new OperatorKey("mimo_op_" + RandomNumberGenerator.GetHexString(32, lowercase: true), generated: true)
            : new OperatorKey(options.ApiKey, generated: false);

    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    /// <summary>
    /// A 256-bit key for <paramref name="purpose"/>, derived from the operator key: every API process
    /// with the same operator key derives the same one, and it changes when the operator key does.
    /// </summary>
    public byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _hash, 32, info: Encoding.UTF8.GetBytes(purpose));
}
