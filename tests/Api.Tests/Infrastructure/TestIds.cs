namespace Mimo.Api.Tests.Infrastructure;

/// <summary>Fresh ids for each test.</summary>
public static class TestIds
{
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
