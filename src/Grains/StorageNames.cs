namespace Mimo.Grains;

/// <summary>Names that are part of stored data: changing one orphans existing rows.</summary>
public static class StorageNames
{
    /// <summary>The grain storage provider every Mimo grain persists through.</summary>
    public const string GrainStorage = "mimo";
}
