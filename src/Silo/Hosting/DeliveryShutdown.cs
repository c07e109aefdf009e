using Mimo.Grains.Email;

namespace Mimo.Silo.Hosting;

/// <summary>
/// Stops the delivery queue first when a silo stops: no new email starts, and the emails being
/// sent finish and report to their customers while the grains are still there. Emails still waiting
/// are dropped from the queue but not lost: their customers hand them over again (to the silos that
/// take over) once their report deadline passes.
/// </summary>
internal sealed class DeliveryShutdown(DeliveryQueue queue) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<DeliveryShutdown>(
            ServiceLifecycleStage.Active,
            _ => Task.CompletedTask,
            queue.StopAsync);
}
