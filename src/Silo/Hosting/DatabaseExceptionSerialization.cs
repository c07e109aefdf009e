using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Mimo.Silo.Hosting;

/// <summary>
/// Lets Npgsql's exceptions travel between silos and clients. Orleans serializes exceptions only
/// from the namespaces it is told about (Microsoft, System and Azure by default) and fails the
/// whole response for any other type, even an inner exception: a grain call that met a database
/// failure then reached the API as a codec error (500) instead of a database failure (503).
/// Both the sending and the receiving side need it.
/// </summary>
public static class DatabaseExceptionSerialization
{
    public const string NpgsqlNamespace = "Npgsql";

    public static IServiceCollection AddDatabaseExceptionSerialization(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(options =>
            options.SupportedNamespacePrefixes.Add(NpgsqlNamespace));
}
