using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Mimo.Silo.Hosting;
using Npgsql;
using Orleans.Serialization;

namespace Mimo.Silo.Tests.Hosting;

/// <summary>A database failure inside a silo must reach the caller as one, not as a serialization error.</summary>
public sealed class DatabaseExceptionSerializationTests
{
    [Fact]
    public void AStorageFailureCausedByPostgres_CrossesTheWire_WithItsDatabaseExceptionInside()
    {
        using var services = new ServiceCollection()
            .AddSerializer()
            .AddDatabaseExceptionSerialization()
            .BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var failure = new OrleansException(
            "Error from storage provider during WriteStateAsync",
            new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"));

        var copy = serializer.Deserialize<Exception>(serializer.SerializeToArray<Exception>(failure));

        Assert.IsType<OrleansException>(copy);
        var inner = Assert.IsAssignableFrom<DbException>(copy.InnerException);
        Assert.Contains("administrator command", inner.Message, StringComparison.Ordinal);
    }
}
