using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;

namespace Mimo.Silo.Hosting;

/// <summary>
/// The Orleans dashboard (configuration section <c>Dashboard</c>): silos collect its statistics,
/// the API serves it under <see cref="Path"/> to the operator.
/// </summary>
public sealed class DashboardSettings
{
    public const string SectionName = "Dashboard";

    /// <summary>Where the API serves the dashboard.</summary>
    public const string Path = "/dashboard";

    /// <summary>
    /// Whether silos collect the dashboard's statistics and the API serves it. Default true. An API in
    /// client mode can only serve it when the silos collect them, so set it alike on both.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long a dashboard session cookie is good for, from 1 minute to 12 hours. Default 30 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(30);

    public static DashboardSettings Read(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<DashboardSettings>() ?? new DashboardSettings();

    /// <summary>
    /// The dashboard's own options, the same on silos and clients: its live log stream stays off,
    /// since logs name customers and tenants and are collected by the log pipeline already.
    /// </summary>
    public static void Configure(DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        options.HideTrace = true;
    }
}
