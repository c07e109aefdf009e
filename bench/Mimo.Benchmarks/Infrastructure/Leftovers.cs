using System.Collections.Concurrent;

namespace Mimo.Benchmarks.Infrastructure;

/// <summary>
/// Processes the bench started (silos, APIs, SMTP sinks) that must not outlive it: when the bench
/// exits before disposing them (Ctrl+C, an unhandled error), they are stopped on the way out, as
/// the throwaway PostgreSQL cluster is.
/// </summary>
internal static class Leftovers
{
    private static readonly ConcurrentDictionary<IAsyncDisposable, byte> Running = new();

    static Leftovers() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DisposeAll();

    public static T Track<T>(T resource)
        where T : IAsyncDisposable
    {
        Running.TryAdd(resource, 0);
        return resource;
    }

    public static void Forget(IAsyncDisposable resource) => Running.TryRemove(resource, out _);

    private static void DisposeAll()
    {
        foreach (var resource in Running.Keys)
        {
            try
            {
                resource.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception exception) when (exception is InvalidOperationException or IOException)
            {
                // Already gone: nothing left to stop.
            }
        }
    }
}
