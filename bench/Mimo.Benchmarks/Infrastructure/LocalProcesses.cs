using System.Globalization;

namespace Mimo.Benchmarks.Infrastructure;

/// <summary>CPU time of processes on this machine, read from <c>/proc</c> (Linux).</summary>
internal static class LocalProcesses
{
    // USER_HZ, the unit of the times in /proc/{pid}/stat; 100 on every Linux the bench targets.
    private const double TicksPerSecond = 100;

    /// <summary>The parent process id, or null when the process is not on this machine.</summary>
    public static int? ParentOf(int processId) =>
        ReadStat(processId) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;

    /// <summary>User and system CPU seconds of a process, or null when it cannot be read.</summary>
    public static double? CpuSeconds(int processId) =>
        ReadStat(processId) is { } fields ? (Ticks(fields, 11) + Ticks(fields, 12)) / TicksPerSecond : null;

    /// <summary>
    /// CPU seconds of a process tree's root and its children: its own time, the time of the
    /// children it has reaped, and that of its living children. PostgreSQL's postmaster reaps
    /// every backend, so this is the whole server's time.
    /// </summary>
    public static double? TreeCpuSeconds(int rootId)
    {
        if (ReadStat(rootId) is not { } root)
        {
            return null;
        }

        var total = Ticks(root, 11) + Ticks(root, 12) + Ticks(root, 13) + Ticks(root, 14);
        var parent = rootId.ToString(CultureInfo.InvariantCulture);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var id)
                && ReadStat(id) is { } child
                && child[1] == parent)
            {
                total += Ticks(child, 11) + Ticks(child, 12);
            }
        }

        return total / TicksPerSecond;
    }

    /// <summary>
    /// Busy CPU seconds of the whole machine, all cores together (every state of the first line of
    /// <c>/proc/stat</c> but idle and iowait), or null off Linux.
    /// </summary>
    public static double? MachineBusySeconds()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = cpu.Skip(1).Take(8).Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
            const int Idle = 3, IoWait = 4;
            return (ticks.Sum() - ticks[Idle] - ticks[IoWait]) / TicksPerSecond;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The fields of <c>/proc/{pid}/stat</c> after the command name: [0] is the state, [1] the
    /// parent id, [11] utime, [12] stime, [13] cutime, [14] cstime.
    /// </summary>
    private static string[]? ReadStat(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var afterName = stat.LastIndexOf(')');
            return stat[(afterName + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
}
