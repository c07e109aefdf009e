using System.Diagnostics;
using System.Text.RegularExpressions;
using Mimo.Testing;

namespace Mimo.Api.Tests.EndToEnd;

/// <summary>
/// A curl walkthrough of the documentation, run as pasted: every <c>sh</c> block of one section
/// except the one that starts the service, in one bash session, against a given address.
/// </summary>
public static partial class Walkthrough
{
    public const string OperatorKey = "dev-operator-key";

    /// <summary>The address the documentation's commands use.</summary>
    private const string DocumentedAddress = "http://localhost:5080";

    /// <summary>The commands of the section under <paramref name="heading"/> of a Markdown file.</summary>
    public static string Script(string document, string heading)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, document));
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{document} has no '{heading}' section.");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = text[start..(end < 0 ? text.Length : end)];

        var blocks = ShellBlock().Matches(section)
            .Select(m => m.Groups["body"].Value)
            .Where(body => !body.Contains("dotnet run", StringComparison.Ordinal))
            .ToList();
        Assert.True(blocks.Count >= 4, "The walkthrough should have several command blocks.");
        return string.Join('\n', blocks);
    }

    /// <summary>
    /// Runs <paramref name="script"/> against <paramref name="address"/>, with each key of
    /// <paramref name="replacements"/> (such as a folder) replaced by its value first; returns the
    /// tenant key the walkthrough created and its output.
    /// </summary>
    public static async Task<(string TenantKey, string Output)> RunAsync(
        string script,
        Uri address,
        IReadOnlyDictionary<string, string>? replacements = null)
    {
        script = script.Replace(DocumentedAddress, address.ToString().TrimEnd('/'), StringComparison.Ordinal);
        foreach (var (documented, actual) in replacements ?? new Dictionary<string, string>())
        {
            script = script.Replace(documented, actual, StringComparison.Ordinal);
        }

        var text = await RunBashAsync(script + "\necho \"WALKTHROUGH_TENANT_KEY=$TENANT_KEY\"\n");
        var key = TenantKeyLine().Match(text).Groups["key"].Value;
        Assert.False(string.IsNullOrEmpty(key), $"The walkthrough created no tenant key:\n{text}");
        return (key, text);
    }

    private static async Task<string> RunBashAsync(string script)
    {
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
        return text;
    }

    [GeneratedRegex(@"```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"WALKTHROUGH_TENANT_KEY=(?<key>\S+)")]
    private static partial Regex TenantKeyLine();
}

/// <summary>The README's "Try it with curl" section.</summary>
public static class ReadmeWalkthrough
{
    public const string OperatorKey = Walkthrough.OperatorKey;

    public static string Script() => Walkthrough.Script("README.md", "## Try it with curl");

    public static Task<(string TenantKey, string Output)> RunAsync(Uri address) =>
        Walkthrough.RunAsync(Script(), address);
}
