namespace Mimo.Silo.Hosting;

/// <summary>Configuration names that are part of the deployment contract.</summary>
public static class ConfigurationNames
{
    /// <summary>The connection string name: <c>ConnectionStrings__Postgres</c> in the environment.</summary>
    public const string PostgresConnectionString = "Postgres";

    /// <summary>The ADO.NET invariant Orleans loads the Npgsql driver by.</summary>
    public const string NpgsqlInvariant = "Npgsql";
}
