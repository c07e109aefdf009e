using Microsoft.Extensions.Options;

namespace Mimo.Silo.Hosting;

/// <summary>How a silo process stops (configuration section <c>Silo</c>).</summary>
public sealed class SiloSettings
{
    public const string SectionName = "Silo";

    /// <summary>The shortest <see cref="ShutdownTimeout"/> accepted.</summary>
    public static readonly TimeSpan MinShutdownTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The longest <see cref="ShutdownTimeout"/> accepted.</summary>
    public static readonly TimeSpan MaxShutdownTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a stopping silo may take to leave the cluster gracefully (hand over its grains
    /// and reminder ranges, finish the emails it is sending) before the host stops it anyway.
    /// Whatever stops the process (Kubernetes' <c>terminationGracePeriodSeconds</c>, Compose's
    /// <c>stop_grace_period</c>) must wait longer than this. Default 30 seconds; from 5 seconds
    /// to 10 minutes.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Rejects <see cref="SiloSettings"/> that cannot work, so a bad setting stops start-up.</summary>
public sealed class SiloSettingsValidator : IValidateOptions<SiloSettings>
{
    public ValidateOptionsResult Validate(string? name, SiloSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return options.ShutdownTimeout < SiloSettings.MinShutdownTimeout
            || options.ShutdownTimeout > SiloSettings.MaxShutdownTimeout
            ? ValidateOptionsResult.Fail(
                $"Silo:ShutdownTimeout must be between {SiloSettings.MinShutdownTimeout} and " +
                $"{SiloSettings.MaxShutdownTimeout} (was {options.ShutdownTimeout}).")
            : ValidateOptionsResult.Success;
    }
}
