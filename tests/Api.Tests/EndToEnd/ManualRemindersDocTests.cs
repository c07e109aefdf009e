using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mimo.Api.Tests.Infrastructure;
using Mimo.Testing;

namespace Mimo.Api.Tests.EndToEnd;

/// <summary>
/// docs/manual-reminders.md as a reader uses it: every <c>sh</c> block, pasted after the README
/// walkthrough in the same shell, against the embedded default.
/// </summary>
public sealed partial class ManualRemindersDocTests
{
    [Fact]
    public async Task TheCommandsOfTheGuide_WorkAsPastedAfterTheReadme()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Operator:ApiKey"] = ReadmeWalkthrough.OperatorKey,
        });

        var (tenantKey, output) = await Walkthrough.RunAsync(
            ReadmeWalkthrough.Script() + "\n" + GuideScript(),
            host.Address);

        Assert.DoesNotContain("curl:", output, StringComparison.Ordinal);
        Assert.Equal(["400", "422"], StatusLine().Matches(output).Select(m => m.Groups["status"].Value));
        var sends = Answers(output, "{\"messageId\"");
        Assert.Equal(4, sends.Count);
        Assert.Contains("\"invoiceIds\":[\"INV-2026-0057\",\"INV-2026-0063\"]", sends[0], StringComparison.Ordinal);
        Assert.Equal(sends[2], sends[3]);
        using var batch = JsonDocument.Parse(Assert.Single(Answers(output, "{\"results\"")));
        Assert.Equal(
            ["accepted", "accepted", "not_found"],
            batch.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        await AssertEmailsAsync(host, tenantKey, c1001: 3, c1002: 2);
    }

    /// <summary>Waits until the customers' emails are written, then checks that no more came.</summary>
    private static async Task AssertEmailsAsync(ApiHost host, string tenantKey, int c1001, int c1002)
    {
        using var http = host.CreateClient(tenantKey);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await SentAsync(http, "c-1001") < c1001 || await SentAsync(http, "c-1002") < c1002)
        {
            Assert.True(DateTime.UtcNow < deadline, "The guide's emails were not all sent.");
            await Task.Delay(100);
        }

        Assert.Equal(c1001, await SentAsync(http, "c-1001"));
        Assert.Equal(c1002, await SentAsync(http, "c-1002"));
        Assert.Equal(c1001 + c1002, Directory.GetFiles(host.Outbox, "*.eml").Length);
    }

    /// <summary>The answers in the output that start with <paramref name="start"/>, one a line.</summary>
    private static List<string> Answers(string output, string start) =>
        output.Split('\n').Where(line => line.StartsWith(start, StringComparison.Ordinal)).ToList();

    private static async Task<int> SentAsync(HttpClient http, string customerId)
    {
        var page = await (await http.GetAsync($"/v1/customers/{customerId}/activity")).JsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Count(e => e.Text("kind") == "sent");
    }

    private static string GuideScript()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "manual-reminders.md"));
        return string.Join('\n', ShellBlock().Matches(guide).Select(m => m.Groups["body"].Value));
    }

    [GeneratedRegex(@"```sh\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex("\"status\":(?<status>[45][0-9][0-9])")]
    private static partial Regex StatusLine();
}
