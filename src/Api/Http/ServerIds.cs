using System.Security.Cryptography;

namespace Mimo.Api.Http;

/// <summary>Ids the server makes when a client creates a resource without naming it.</summary>
public static class ServerIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const int RandomLength = 16;

    /// <summary><paramref name="prefix"/> and 16 random lowercase letters and digits.</summary>
    public static string New(string prefix) => prefix + RandomNumberGenerator.GetString(Alphabet, RandomLength);
}
