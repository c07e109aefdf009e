using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Mimo.Silo.Postgres;

/// <summary>
/// One schema migration: a SQL script embedded in this assembly as
/// <c>Migrations/NNNN_name.sql</c>. A script never changes once released; its checksum lets the
/// migrator notice when one has.
/// </summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>Every migration of this build, in the order they apply.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load(typeof(Migration).Assembly);

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            migrations.Add(new Migration(version, match.Groups["name"].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        EnsureConsecutive(migrations);
        return migrations;
    }

    private static void EnsureConsecutive(List<Migration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migration versions must run 1, 2, 3… without gaps or repeats; found {migrations[i].Version} " +
                    $"({migrations[i].Name}) at position {i + 1}.");
            }
        }
    }

    [GeneratedRegex(@"\.Migrations\.(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();
}
