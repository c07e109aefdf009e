using System.Collections.Frozen;
using System.Text.Json;

namespace Mimo.Silo.Postgres;

/// <summary>
/// Enum values as the read-model tables store them: the API's snake_case names, so that the
/// tables read like the API and survive reordering of the enum members.
/// </summary>
internal static class DbEnum<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names = Enum.GetValues<TEnum>()
        .ToFrozenDictionary(value => value, value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values = Names
        .ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string Name(TEnum value) => Names[value];

    public static TEnum Parse(string name) => Values.TryGetValue(name, out var value)
        ? value
        : throw new InvalidDataException($"'{name}' is not a stored {typeof(TEnum).Name} value.");
}
