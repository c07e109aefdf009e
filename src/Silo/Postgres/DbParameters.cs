using Npgsql;
using NpgsqlTypes;

namespace Mimo.Silo.Postgres;

/// <summary>Typed positional parameters for the read-model statements; null becomes SQL NULL.</summary>
internal static class DbParameters
{
    public static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Nullable<T>(NpgsqlDbType type, T? value)
        where T : struct => new() { NpgsqlDbType = type, Value = value is { } present ? present : DBNull.Value };

    public static string? NullableText(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
