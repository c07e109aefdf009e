using System.Diagnostics;
using System.Text.RegularExpressions;
using Mimo.Testing;

namespace Mimo.Api.Tests.EndToEnd;

/// <summary>
/// The README's "Try it with curl" section, run as pasted: every <c>sh</c> block of the section
/// except the one that starts the service, in one bash session, against a given address.
/// </summary>
public static partial class ReadmeWalkthrough
{
    public const string OperatorKey = "dev-operator-key";

    private const string ReadmeAddress = "http://localhost:5080";

    public static string Script()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = readme.IndexOf("## Try it with curl", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no 'Try it with curl' section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];

        var blocks = ShellBlock().Matches(section)
            .Select(m => m.Groups["body"].Value)
            .Where(body => !body.Contains("dotnet run", StringComparison.Ordinal))
            .ToList();
        Assert.True(blocks.Count >= 4, "The walkthrough should have several command blocks.");
        return string.Join('\n', blocks);
    }

    /// <summary>Runs the walkthrough against <paramref name="address"/>; returns the tenant key it created and its output.</summary>
    public static async Task<(string TenantKey, string Output)> RunAsync(Uri address)
    {
        var script = Script().Replace(ReadmeAddress, address.ToString().TrimEnd('/'), StringComparison.Ordinal)
            + "\necho \"WALKTHROUGH_TENANT_KEY=$TENANT_KEY\"\n";
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var bash = Process.Start(start)!;
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEndAsync();
        var error = bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        var text = await output + await error;
        Assert.True(bash.ExitCode == 0, $"The walkthrough failed with exit code {bash.ExitCode}:\n{text}");
        var key = TenantKeyLine().Match(text).Groups["key"].Value;
        Assert.False(string.IsNullOrEmpty(key), $"The walkthrough created no tenant key:\n{text}");
        return (key, text);
    }

    [GeneratedRegex(@"```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"WALKTHROUGH_TENANT_KEY=(?<key>\S+)")]
    private static partial Regex TenantKeyLine();
}
