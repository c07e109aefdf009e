using Mimo.Silo.Hosting;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Mimo.Api.Hosting;

/// <summary>
/// Connects the API to the cluster: in the embedded role it hosts a silo of its own, in the
/// client role it joins the silos it finds in PostgreSQL's membership table as an Orleans client.
/// Either way grain calls carry the trace of the request that made them, and the Orleans dashboard
/// can be served (in the client role it shows what the silos collect).
/// </summary>
public static class ClusterHosting
{
    public static WebApplicationBuilder AddMimoCluster(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var cluster = MimoSiloBuilderExtensions.ReadClusterSettings(configuration);
        if (cluster.Role == ClusterRole.Embedded)
        {
            builder.UseOrleans(silo => silo.AddMimo(configuration));
            return builder;
        }

        var connectionString = configuration.GetConnectionString(ConfigurationNames.PostgresConnectionString);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Cluster:Role is Client, which finds the silos through PostgreSQL: set ConnectionStrings:Postgres too.");
        }

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = ConfigurationNames.NpgsqlInvariant;
                options.ConnectionString = connectionString;
            });
            client.Services.AddSingleton<IClientConnectionRetryFilter, ClusterConnectionRetry>();
            client.AddActivityPropagation();
            if (DashboardSettings.Read(configuration).Enabled)
            {
                client.AddDashboard(DashboardSettings.Configure);
            }
            client.Services.AddDatabaseExceptionSerialization();
        });
        return builder;
    }
}
