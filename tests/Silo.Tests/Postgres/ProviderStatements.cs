using System.Data;
using Mimo.Testing.Postgres;
using Npgsql;

namespace Mimo.Silo.Tests.Postgres;

/// <summary>
/// Runs statements from <c>orleansquery</c> the way Orleans' ADO.NET providers do: the stored text
/// word for word, parameters by name without prefix and with an explicit DbType, every row read.
/// </summary>
internal sealed class ProviderStatements(TestDatabase database)
{
    public async Task<List<Dictionary<string, object?>>> RunAsync(string key, params Parameter[] parameters)
    {
        var text = await database.ScalarAsync<string>("SELECT querytext FROM orleansquery WHERE querykey = $1", key);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(text, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(parameter.Name, parameter.Type) { Value = parameter.Value ?? DBNull.Value });
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        do
        {
            while (await reader.ReadAsync())
            {
                var row = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }
        }
        while (await reader.NextResultAsync());

        return rows;
    }

    /// <summary>A "boolean" statement: one row of one non-NULL column, read with Convert.ToBoolean.</summary>
    public async Task<bool> RunBooleanAsync(string key, params Parameter[] parameters)
    {
        var rows = await RunAsync(key, parameters);
        var row = Assert.Single(rows.Take(1));
        var value = Assert.Single(row).Value;
        Assert.NotNull(value);
        return Convert.ToBoolean(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}

internal sealed record Parameter(string Name, DbType Type, object? Value)
{
    public static Parameter Text(string name, string? value) => new(name, DbType.String, value);

    public static Parameter Ansi(string name, string? value) => new(name, DbType.AnsiString, value);

    public static Parameter Int(string name, int? value) => new(name, DbType.Int32, value);

    public static Parameter Long(string name, long value) => new(name, DbType.Int64, value);

    public static Parameter Time(string name, DateTime value) => new(name, DbType.DateTime, value);

    public static Parameter Bytes(string name, byte[]? value) => new(name, DbType.Binary, value);
}
