using Mimo.Api.Tests.Infrastructure;

namespace Mimo.Api.Tests.EndToEnd;

/// <summary>The README's curl walkthrough against the embedded default, as pasted.</summary>
public sealed class EmbeddedWalkthroughTests
{
    [Fact]
    public async Task Walkthrough_WorksAsPasted()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?>
        {
            ["Operator:ApiKey"] = ReadmeWalkthrough.OperatorKey,
        });

        var (tenantKey, output) = await ReadmeWalkthrough.RunAsync(host.Address);

        WalkthroughAssertions.AssertNoErrorAnswers(output);
        await WalkthroughAssertions.AssertDataIsThereAsync(host.Address, tenantKey);
    }
}
