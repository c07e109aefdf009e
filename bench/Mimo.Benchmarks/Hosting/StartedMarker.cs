using Microsoft.Extensions.Hosting;

namespace Mimo.Benchmarks.Hosting;

/// <summary>
/// Prints the <see cref="SiloMarkers.Started"/> marker when the host has started: the Orleans silo
/// is a hosted service registered before this one, so by then it has joined the membership table
/// as active and opened its gateway.
/// </summary>
internal sealed class StartedMarker(IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => SiloMarkers.Print(SiloMarkers.Started));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
