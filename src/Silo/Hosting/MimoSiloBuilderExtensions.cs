using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mimo.Grains;
using Mimo.Grains.Activity;
using Mimo.Grains.Customers;
using Mimo.Grains.Delivery;
using Mimo.Grains.Email;
using Mimo.Silo.Postgres;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;

namespace Mimo.Silo.Hosting;

/// <summary>Turns configuration into a Mimo silo: providers, read models and grain services.</summary>
public static class MimoSiloBuilderExtensions
{
    /// <summary>
    /// Configures clustering, storage, reminders and read models: PostgreSQL when
    /// <c>ConnectionStrings:Postgres</c> is set, otherwise in memory on localhost clustering. The
    /// silo collects the Orleans dashboard's statistics unless <c>Dashboard:Enabled</c> is false.
    /// </summary>
    public static ISiloBuilder AddMimo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = ReadClusterSettings(configuration);
        var connectionString = configuration.GetConnectionString(ConfigurationNames.PostgresConnectionString);

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort);
        }
        else
        {
            silo.UseAdoNetClustering(options =>
            {
                options.Invariant = ConfigurationNames.NpgsqlInvariant;
                options.ConnectionString = connectionString;
            });
            silo.ConfigureEndpoints(
                ResolveAdvertisedAddress(cluster.AdvertisedAddress),
                cluster.SiloPort,
                cluster.GatewayPort,
                listenOnAnyHostAddress: true);
        }

        if (DashboardSettings.Read(configuration).Enabled)
        {
            silo.AddDashboard(DashboardSettings.Configure);
        }

        return silo.AddMimoStorage(configuration);
    }

    /// <summary>
    /// Configures storage, reminders, read models, email delivery and grain services, leaving
    /// clustering to the caller (test clusters bring their own). Grain calls carry the trace they
    /// belong to.
    /// </summary>
    public static ISiloBuilder AddMimoStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConfigurationNames.PostgresConnectionString);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            AddInMemoryProviders(silo);
        }
        else
        {
            AddPostgresProviders(silo, connectionString);
        }

        silo.Services.AddMimoEmail(configuration);
        silo.Services.AddSingleton<IDeliveryHandler, CustomerDeliveryHandler>();
        silo.AddActivityPropagation();
        return silo;
    }

    public static ClusterSettings ReadClusterSettings(IConfiguration configuration) =>
        configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();

    private static void AddInMemoryProviders(ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(StorageNames.GrainStorage);
        silo.Services
            .AddOptions<MemoryGrainStorageOptions>(StorageNames.GrainStorage)
            .Configure<Serializer>((options, serializer) =>
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        silo.UseInMemoryReminderService();
        silo.Services.AddSingleton<ICustomerDirectory, InMemoryCustomerDirectory>();
        silo.Services.AddSingleton<IInvoiceArchive, InMemoryInvoiceArchive>();
        silo.Services.AddSingleton<IActivityLog, InMemoryActivityLog>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, EmbeddedModeWarning>();
    }

    private static void AddPostgresProviders(ISiloBuilder silo, string connectionString)
    {
        silo.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        silo.Services.AddSingleton<DatabaseMigrator>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MigrationOnStartup>();

        silo.AddAdoNetGrainStorage(StorageNames.GrainStorage, options =>
        {
            options.Invariant = ConfigurationNames.NpgsqlInvariant;
            options.ConnectionString = connectionString;

            // A deleted customer leaves no row behind: millions of deletions must not pile up.
            options.DeleteStateOnClear = true;
        });
        silo.Services
            .AddOptions<AdoNetGrainStorageOptions>(StorageNames.GrainStorage)
            .Configure<Serializer>((options, serializer) =>
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = ConfigurationNames.NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
        silo.Services.AddSingleton<ICustomerDirectory, PostgresCustomerDirectory>();
        silo.Services.AddSingleton<IInvoiceArchive, PostgresInvoiceArchive>();
        silo.Services.AddSingleton<IActivityLog, PostgresActivityLog>();
        silo.AddIncomingGrainCallFilter<ConnectionLossFilter>();
    }

    private static IPAddress ResolveAdvertisedAddress(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return IPAddress.Parse(configured);
        }

        var addresses = Dns.GetHostAddresses(Dns.GetHostName());
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
