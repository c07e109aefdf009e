using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Mimo.Testing.Processes;

/// <summary>
/// One of the project's programs (<c>Mimo.Silo</c>, <c>Mimo.Api</c>) run as a real process from its
/// own build output, with its own environment, its output captured for assertions and for the
/// failure message, and stopped with SIGTERM like a container runtime would.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();

    private ServiceProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet {program}.dll {arguments}</c> with the given environment variables.</summary>
    public static ServiceProcess Start(
        string program,
        IReadOnlyDictionary<string, string?> environment,
        params string[] arguments)
    {
        var assembly = RepositoryPaths.Program(program);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(process, program);
        process.OutputDataReceived += (_, line) => service.Append(line.Data);
        process.ErrorDataReceived += (_, line) => service.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Runs a program to completion and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program,
        IReadOnlyDictionary<string, string?> environment,
        params string[] arguments)
    {
        await using var service = Start(program, environment, arguments);
        var exitCode = await service.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, service.Output);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; fails with the output if the process ends first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not print '{text}'. Its output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGTERM, as on <c>docker stop</c> or a pod's termination, then waits for a graceful exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        try
        {
            await WaitForExitAsync(TimeSpan.FromSeconds(60));
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Name} did not stop within 60 s of SIGTERM. Its output:\n{Output}");
        }
    }

    /// <summary>SIGKILL, as when a machine or container dies: no chance to leave the cluster or finish anything.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.AppendLine(line);
        }
    }
}
