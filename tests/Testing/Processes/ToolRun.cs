using System.Diagnostics;

namespace Mimo.Testing.Processes;

/// <summary>Runs a command-line tool to completion, and fails with its output when it fails.</summary>
public static class ToolRun
{
    /// <param name="start">What to run; its output is captured whatever it says.</param>
    /// <param name="description">How the failure message names the command.</param>
    public static async Task RunAsync(ProcessStartInfo start, string description)
    {
        ArgumentNullException.ThrowIfNull(start);

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{description} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
