using System.Text.Json;

namespace Mimo.Benchmarks.Hosting;

/// <summary>
/// What the silo's heap probe answers: <see cref="GC.GetTotalMemory(bool)"/> after a full
/// collection, the GC's own heap size and fragmentation after it, and the activations then.
/// </summary>
internal sealed record HeapReading(
    long HeapBytes,
    long GcHeapSizeBytes,
    long FragmentedBytes,
    int Activations,
    int CustomerActivations)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
