using MimeKit;
using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.EndToEnd;

/// <summary>The curl walkthrough of docs/reminders.md against the embedded default, as pasted.</summary>
public sealed class RemindersWalkthroughTests
{
    [Fact]
    public async Task Walkthrough_WorksAsPasted_AndEndsWithTheEmailInThePickupFolder()
    {
        await ReminderSetup.AwayFromMidnightAsync();
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Operator:ApiKey"] = Walkthrough.OperatorKey,
        });
        var script = Walkthrough.Script("docs/reminders.md", "## Try it with curl");

        var (_, output) = await Walkthrough.RunAsync(
            script,
            host.Address,
            new Dictionary<string, string> { ["data/outbox"] = host.Outbox });

        WalkthroughAssertions.AssertNoErrorAnswers(output);
        var file = Assert.Single(Directory.GetFiles(host.Outbox, "*.eml"));
        var email = await MimeMessage.LoadAsync(file);
        Assert.Equal("Overdue invoices from Acme Billing", email.Subject);
        Assert.Equal("ap@initech.example", Assert.Single(email.To.Mailboxes).Address);
        Assert.Contains("Total: 1450.50 EUR", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li>INV-2026-0101, due ", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"Message-Id: <{email.MessageId}>", output, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"sent\"", output, StringComparison.Ordinal);
    }
}
