using System.ComponentModel.DataAnnotations;

namespace Mimo.Silo.Hosting;

/// <summary>Where the API finds its silo.</summary>
public enum ClusterRole
{
    /// <summary>The API process hosts a silo of its own (the default).</summary>
    Embedded = 0,

    /// <summary>The API only connects to silos started with <c>dotnet run --project src/Silo</c>.</summary>
    Client = 1,
}

/// <summary>Cluster settings (configuration section <c>Cluster</c>).</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Cluster";

    /// <summary>Whether the API hosts a silo or connects to separate silos. Default <see cref="ClusterRole.Embedded"/>.</summary>
    public ClusterRole Role { get; set; } = ClusterRole.Embedded;

    /// <summary>The Orleans cluster id: silos and clients with the same id form one cluster. Default <c>mimo</c>.</summary>
    [Required]
    public string ClusterId { get; set; } = "mimo";

    /// <summary>
    /// The Orleans service id, part of every stored grain state and reminder row: never change it
    /// on a deployment that has data. Default <c>mimo</c>.
    /// </summary>
    [Required]
    public string ServiceId { get; set; } = "mimo";

    /// <summary>The port silos talk to each other on. Default 11111.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port clients (API processes) connect to. Default 30000.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos reach this one at (a pod IP in Kubernetes). Default: the loopback
    /// address without a database, else the first non-loopback IPv4 address of the machine.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// The name this silo goes by in the membership table and the runtime's log (the pod name in
    /// Kubernetes). Default: a name Orleans makes up at start-up.
    /// </summary>
    public string? SiloName { get; set; }
}
