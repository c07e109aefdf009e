using System.Globalization;
using Mimo.Testing.Network;
using Mimo.Testing.Processes;
using Mimo.Testing.Smtp;

namespace Mimo.Api.Tests.Infrastructure;

/// <summary>
/// The silo and API processes of a durable deployment on loopback, as operations.md runs them:
/// each gets the database and the cluster id, a silo its own ports, the API the client role.
/// </summary>
public static class LoopbackProcesses
{
    /// <summary>What every process of the deployment reads: where the state is and which cluster it is.</summary>
    public static Dictionary<string, string?> Environment(string connectionString, string clusterId) => new()
    {
        ["ConnectionStrings__Postgres"] = connectionString,
        ["Cluster__ClusterId"] = clusterId,
    };

    /// <summary>A silo's environment: its own silo and gateway ports on loopback, and optionally a name.</summary>
    public static Dictionary<string, string?> Silo(
        string connectionString,
        string clusterId,
        string? name = null,
        int? siloPort = null,
        int? gatewayPort = null)
    {
        var environment = Environment(connectionString, clusterId);
        if (name is not null)
        {
            environment["Cluster__SiloName"] = name;
        }

        environment["Cluster__SiloPort"] = Text(siloPort ?? FreeTcpPort.Next());
        environment["Cluster__GatewayPort"] = Text(gatewayPort ?? FreeTcpPort.Next());
        environment["Cluster__AdvertisedAddress"] = "127.0.0.1";
        return environment;
    }

    /// <summary>Sends the silo's emails to <paramref name="smtp"/>, in plain text.</summary>
    public static Dictionary<string, string?> WithSmtp(
        this Dictionary<string, string?> environment,
        TestSmtpServer smtp)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(smtp);

        environment["Smtp__Host"] = smtp.Host;
        environment["Smtp__Port"] = Text(smtp.Port);
        environment["Smtp__Security"] = "None";
        return environment;
    }

    /// <summary>An API's environment: the client role, with <paramref name="operatorKey"/>.</summary>
    public static Dictionary<string, string?> ClientApi(string connectionString, string clusterId, string operatorKey)
    {
        var environment = Environment(connectionString, clusterId);
        environment["Cluster__Role"] = "Client";
        environment["Operator__ApiKey"] = operatorKey;
        return environment;
    }

    /// <summary>Starts one of the programs and waits until its host says it has started.</summary>
    public static async Task<ServiceProcess> StartAsync(
        string program,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout,
        params string[] arguments)
    {
        var process = ServiceProcess.Start(program, environment, arguments);
        await process.WaitForOutputAsync("Application started", timeout);
        return process;
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
