using System.Diagnostics;
using System.Runtime.InteropServices;
using Mimo.Testing;

namespace Mimo.Benchmarks.Infrastructure;

/// <summary>
/// What a run ran on, for the <c>machine</c> object of the results. <see cref="BusyCoresAtStart"/>
/// is how many cores something else kept busy just before the run: the figures assume an idle machine.
/// </summary>
internal sealed record MachineInfo(
    int Cores,
    string? CpuModel,
    long MemoryBytes,
    string Os,
    string DotNet,
    string PostgreSql,
    string Postgres,
    string? GitCommit,
    double? BusyCoresAtStart)
{
    private static readonly TimeSpan IdleSample = TimeSpan.FromSeconds(2);

    public static async Task<MachineInfo> ReadAsync(BenchPostgres postgres) => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        OsName(),
        RuntimeInformation.FrameworkDescription,
        postgres.Version,
        postgres.Description,
        await GitCommitAsync(),
        await BusyCoresAsync());

    private static async Task<double?> BusyCoresAsync()
    {
        var before = LocalProcesses.MachineBusySeconds();
        await Task.Delay(IdleSample);
        return LocalProcesses.MachineBusySeconds() - before is { } busy
            ? Math.Round(busy / IdleSample.TotalSeconds, 2)
            : null;
    }

    private static string? ReadCpuModel() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo")
            .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
            .Split(':', 2)[1].Trim()
        : null;

    private static string OsName()
    {
        const string Release = "/etc/os-release";
        var pretty = File.Exists(Release)
            ? File.ReadLines(Release)
                .FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?
                .Split('=', 2)[1].Trim('"')
            : null;
        return pretty is null ? RuntimeInformation.OSDescription : $"{pretty} ({RuntimeInformation.OSDescription})";
    }

    /// <summary>The commit the bench was built from, with <c>-dirty</c> when the work tree has changes.</summary>
    private static async Task<string?> GitCommitAsync()
    {
        try
        {
            var commit = await GitAsync("rev-parse", "HEAD");
            var changes = await GitAsync("status", "--porcelain", "--untracked-files=no");
            return changes.Length == 0 ? commit : commit + "-dirty";
        }
        catch (Exception exception)
            when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static async Task<string> GitAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? output.Trim()
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed.");
    }
}
