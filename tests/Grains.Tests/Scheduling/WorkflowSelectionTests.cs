using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Workflows;
using Mimo.Grains.Scheduling;

namespace Mimo.Grains.Tests.Scheduling;

public sealed class WorkflowSelectionTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly CustomerProfile Wholesale = new(
        ["wholesale", "eu"], PayerBand.Late, PaymentMethod.BankTransfer, [new MoneyAmount("EUR", 500m), new MoneyAmount("USD", 20m)]);

    [Fact]
    public void EmptyAudience_MatchesEveryone()
    {
        Assert.True(WorkflowSelection.Matches(new WorkflowAudience(), Wholesale));
    }

    [Theory]
    [InlineData(new[] { "retail", "eu" }, true)]
    [InlineData(new[] { "retail" }, false)]
    public void Tags_MatchWhenTheCustomerHasOneOfThem(string[] tags, bool expected)
    {
        Assert.Equal(expected, WorkflowSelection.Matches(new WorkflowAudience(Tags: tags), Wholesale));
    }

    [Fact]
    public void Bands_AndPaymentMethods_MustContainTheCustomers()
    {
        Assert.True(WorkflowSelection.Matches(new WorkflowAudience(Bands: [PayerBand.Late, PayerBand.Average]), Wholesale));
        Assert.False(WorkflowSelection.Matches(new WorkflowAudience(Bands: [PayerBand.Timely]), Wholesale));
        Assert.True(WorkflowSelection.Matches(new WorkflowAudience(PaymentMethods: [PaymentMethod.BankTransfer]), Wholesale));
        Assert.False(WorkflowSelection.Matches(new WorkflowAudience(PaymentMethods: [PaymentMethod.DirectDebit]), Wholesale));
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(500.01, false)]
    [InlineData(20, true)]
    public void MinOutstanding_HoldsWhenSomeCurrencyReachesIt(decimal minimum, bool expected)
    {
        Assert.Equal(expected, WorkflowSelection.Matches(new WorkflowAudience(MinOutstanding: minimum), Wholesale));
    }

    [Fact]
    public void EveryCriterion_MustHold()
    {
        var audience = new WorkflowAudience(Tags: ["eu"], Bands: [PayerBand.Timely]);

        Assert.False(WorkflowSelection.Matches(audience, Wholesale));
    }

    [Fact]
    public void For_PicksTheHighestPriorityMatch_TiesToTheSmallerId()
    {
        Workflow[] workflows =
        [
            Workflow("b-high", 10, new WorkflowAudience(Tags: ["eu"])),
            Workflow("a-high", 10, new WorkflowAudience(Tags: ["wholesale"])),
            Workflow("top-but-other-audience", 99, new WorkflowAudience(Tags: ["retail"])),
            Workflow("low", 1, new WorkflowAudience()),
        ];

        Assert.Equal("a-high", WorkflowSelection.For(Wholesale, null, workflows)!.Id);
    }

    [Fact]
    public void For_TheNamedWorkflowWins_EvenOutsideItsAudience()
    {
        Workflow[] workflows = [Workflow("general", 10, new WorkflowAudience()), Workflow("named", 1, new WorkflowAudience(Tags: ["retail"]))];

        Assert.Equal("named", WorkflowSelection.For(Wholesale, "named", workflows)!.Id);
    }

    [Fact]
    public void For_ANamedWorkflowThatWasDeleted_FallsBackToTheAudienceRules()
    {
        Workflow[] workflows = [Workflow("general", 10, new WorkflowAudience())];

        Assert.Equal("general", WorkflowSelection.For(Wholesale, "deleted", workflows)!.Id);
    }

    [Fact]
    public void For_NoMatch_IsNull()
    {
        Assert.Null(WorkflowSelection.For(Wholesale, null, [Workflow("retail", 1, new WorkflowAudience(Tags: ["retail"]))]));
    }

    [Fact]
    public void ToFlow_KeysStepsByWorkflowAndName_AndKeepsTheRepeat()
    {
        var workflow = Workflow("wf1", 1, new WorkflowAudience()) with
        {
            Definition = new WorkflowDefinition(
                "Standard", 1, new WorkflowAudience(),
                [new WorkflowStep("Friendly", -3, "t1"), new WorkflowStep("Firm", 7, "t2")],
                new WorkflowRepeat(7, 2)),
        };

        var flow = WorkflowSelection.ToFlow(workflow);

        Assert.Equal(["wf1/Friendly", "wf1/Firm", "wf1/Firm#1", "wf1/Firm#2"], flow.Occurrences().Select(o => o.Key));
        Assert.Equal([-3, 7, 14, 21], flow.Occurrences().Select(o => o.OffsetDays));
    }

    private static Workflow Workflow(string id, int priority, WorkflowAudience audience) =>
        new(id, new WorkflowDefinition(id, priority, audience, [new WorkflowStep("s", 0, "t")], null), Created, Created);
}
