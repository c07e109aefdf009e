namespace Mimo.Silo.Tests.Probes;

/// <summary>A small grain state for storage tests.</summary>
[GenerateSerializer, Alias("mimo.tests.ProbeState")]
public sealed class ProbeState
{
    [Id(0)]
    public int Count { get; set; }

    [Id(1)]
    public string Text { get; set; } = "";
}
