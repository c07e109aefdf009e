using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Mimo.Grains;
using Mimo.Grains.Activity;
using Mimo.Grains.Customers;
using Mimo.Grains.Delivery;
using Mimo.Grains.Email;
using Mimo.Grains.Scheduling;
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
        if (!string.IsNullOrWhiteSpace(cluster.SiloName))
        {
            silo.Configure<SiloOptions>(options => options.SiloName = cluster.SiloName);
        }

        AddShutdownTimeout(silo.Services, configuration);
        silo.Services.AddDatabaseExceptionSerialization();
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
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DeliveryShutdown>();
        silo.AddActivityPropagation();
        AddScheduling(silo, configuration);
        return silo;
    }

    /// <summary>
    /// The customers' reminder period and delivery deadline; Orleans' minimum reminder period is
    /// lowered to the configured period when that is shorter than its default (one minute).
    /// </summary>
    private static void AddScheduling(ISiloBuilder silo, IConfiguration configuration)
    {
        var section = configuration.GetSection(ReminderTimingOptions.SectionName);
        silo.Services.AddOptions<ReminderTimingOptions>()
            .Bind(section)
            .Validate(o => o.IsValid, "Reminders:ReminderPeriod and Reminders:DeliveryReportTimeout must be from 10 seconds to 1 day.")
            .ValidateOnStart();
        var period = section.Get<ReminderTimingOptions>()?.ReminderPeriod ?? new ReminderTimingOptions().ReminderPeriod;
        silo.Configure<ReminderOptions>(options =>
            options.MinimumReminderPeriod = period < options.MinimumReminderPeriod ? period : options.MinimumReminderPeriod);
    }

    public static ClusterSettings ReadClusterSettings(IConfiguration configuration) =>
        configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();

    /// <summary>
    /// The host gives a stopping silo <c>Silo:ShutdownTimeout</c> to leave the cluster gracefully;
    /// Orleans stops it the hard way once the host's stop token is cancelled.
    /// </summary>
    private static void AddShutdownTimeout(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiloSettings>()
            .Bind(configuration.GetSection(SiloSettings.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloSettings>, SiloSettingsValidator>());
        services.AddOptions<HostOptions>()
            .Configure<IOptions<SiloSettings>>((host, silo) => host.ShutdownTimeout = silo.Value.ShutdownTimeout);
    }

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
