using System.Diagnostics;
using System.Globalization;
using Mimo.Testing.Network;

namespace Mimo.Benchmarks.Infrastructure;

/// <summary>
/// Postfix's <c>smtp-sink</c> on a loopback port: it accepts every email, fast enough (thousands
/// a second) not to be what a benchmark measures. Each accepted email is dumped to a file of its
/// own in a folder in memory (<c>/dev/shm</c>): the file's last write is the moment the sink
/// received the end of the message, each email's arrival time. The number accepted is read from
/// the sink's running counter (<c>-c</c>, a <c>mesg=N</c> update on standard output per email);
/// counting files would count transactions still in progress, since a file is opened when a
/// transaction starts.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    public const string Program = "/usr/sbin/smtp-sink";

    private const string Package = "postfix";
    private const string DropToUser = "nobody";

    private readonly Process _process;
    private readonly string _folder;
    private int _accepted;

    private SmtpSink(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public static async Task<SmtpSink> StartAsync()
    {
        await DebianPackages.EnsureAsync(Program, Package);
        var folder = CreateDumpFolder();
        var port = FreeTcpPort.Next();
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // As root smtp-sink must drop to another user; the dump folder is made writable for it.
        string[] user = IsRoot ? ["-u", DropToUser] : [];
        string[] options = ["-c", "-d", Path.Combine(folder, "%H%M%S."), $"127.0.0.1:{port}", "1024"];
        foreach (var argument in user.Concat(options))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var sink = Leftovers.Track(new SmtpSink(process, folder, port));
        process.OutputDataReceived += (_, line) => sink.ReadCounter(line.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await sink.WaitUntilListeningAsync();
        return sink;
    }

    /// <summary>How many emails the sink has accepted.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Waits until <paramref name="count"/> emails were accepted; false when the time ran out first.</summary>
    public async Task<bool> WaitForAsync(int count, TimeSpan timeout, Action<int>? progress = null)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var reported = Stopwatch.GetTimestamp();
        while (Accepted < count)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                return false;
            }

            if (progress is not null && Stopwatch.GetElapsedTime(reported) > TimeSpan.FromSeconds(10))
            {
                progress(Accepted);
                reported = Stopwatch.GetTimestamp();
            }

            await Task.Delay(100);
        }

        return true;
    }

    /// <summary>Every accepted email: when it arrived, and the message as the client sent it.</summary>
    public IReadOnlyList<SinkEmail> ReadEmails() => Directory.EnumerateFiles(_folder)
        .Select(path => new SinkEmail(
            new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero),
            SinkEmail.WithoutSinkHeaders(File.ReadAllText(path))))
        .OrderBy(e => e.ArrivedAt)
        .ToList();

    public async ValueTask DisposeAsync()
    {
        Leftovers.Forget(this);
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Reads a counter update, <c>sess=1 quit=0 mesg=42</c> (lines end with a carriage return).</summary>
    private void ReadCounter(string? line)
    {
        var at = line?.LastIndexOf("mesg=", StringComparison.Ordinal) ?? -1;
        if (at >= 0 && int.TryParse(line.AsSpan(at + 5), CultureInfo.InvariantCulture, out var count))
        {
            Volatile.Write(ref _accepted, count);
        }
    }

    private static string CreateDumpFolder()
    {
        var parent = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var folder = Path.Combine(parent, "mimo-bench-smtp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (IsRoot && !OperatingSystem.IsWindows())
        {
            // The sink runs as an unprivileged user; the folder lives for one measurement only.
            const UnixFileMode Everyone = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            File.SetUnixFileMode(folder, Everyone);
        }

        return folder;
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    string.Create(CultureInfo.InvariantCulture, $"smtp-sink exited with {_process.ExitCode}."));
            }

            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("smtp-sink did not start listening within 5 s.");
    }
}
