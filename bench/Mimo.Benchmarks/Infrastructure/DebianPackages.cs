using System.Diagnostics;
using Mimo.Testing.Processes;

namespace Mimo.Benchmarks.Infrastructure;

/// <summary>
/// Installs a missing Debian package with apt-get when running as root, the way
/// <c>scripts/lib/prerequisites.sh</c> installs PostgreSQL; otherwise says what to install.
/// </summary>
internal static class DebianPackages
{
    public static async Task EnsureAsync(string tool, string package)
    {
        if (File.Exists(tool))
        {
            return;
        }

        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException(
                $"{tool} is missing; install it with: sudo apt-get update && sudo apt-get install -y {package}");
        }

        Console.WriteLine($"Installing {package} with apt-get (for {Path.GetFileName(tool)}) ...");
        await RunAsync("apt-get", "update", "-qq");
        await RunAsync("apt-get", "install", "-y", "-qq", "--no-install-recommends", package);
        if (!File.Exists(tool))
        {
            throw new InvalidOperationException($"apt-get installed {package}, but {tool} is still missing.");
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        start.Environment["NEEDRESTART_SUSPEND"] = "1";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        await ToolRun.RunAsync(start, $"{program} {string.Join(' ', arguments)}");
    }
}
