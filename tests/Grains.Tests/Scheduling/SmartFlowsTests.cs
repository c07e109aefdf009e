using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Scheduling;
using Mimo.Grains.Templates;

namespace Mimo.Grains.Tests.Scheduling;

public sealed class SmartFlowsTests
{
    private static readonly Dictionary<PayerBand, string> NoOverrides = [];

    [Theory]
    [InlineData(PayerBand.Timely, new[] { 1, 7 })]
    [InlineData(PayerBand.Average, new[] { -3, 1, 7, 14, 21, 28, 35, 42 })]
    [InlineData(PayerBand.Unscored, new[] { -3, 1, 7, 14, 21, 28, 35, 42 })]
    [InlineData(PayerBand.Late, new[] { -7, -1, 1, 5, 10, 15, 20, 25, 30, 35, 40 })]
    public void EachBand_HasTheDesignedSteps(PayerBand band, int[] offsets)
    {
        var flow = SmartFlows.For(band, PaymentMethod.BankTransfer, NoOverrides);

        Assert.Equal(offsets, flow.Occurrences().Select(o => o.OffsetDays));
    }

    [Theory]
    [InlineData(PayerBand.Timely, new[] { 3, 7 })]
    [InlineData(PayerBand.Average, new[] { 3, 7, 14, 21, 28, 35, 42 })]
    [InlineData(PayerBand.Late, new[] { 3, 10, 15, 20, 25, 30, 35, 40 })]
    public void DirectDebitAndCard_HearFirstAtPlusThree_ThenTheBandFromPlusSeven(PayerBand band, int[] offsets)
    {
        Assert.Equal(offsets, SmartFlows.For(band, PaymentMethod.DirectDebit, NoOverrides).Occurrences().Select(o => o.OffsetDays));
        Assert.Equal(offsets, SmartFlows.For(band, PaymentMethod.Card, NoOverrides).Occurrences().Select(o => o.OffsetDays));
    }

    [Fact]
    public void Steps_AreNamedByTheirOffset_RepeatsIncluded()
    {
        var names = SmartFlows.For(PayerBand.Late, PaymentMethod.BankTransfer, NoOverrides).Occurrences().Select(o => o.Name).ToList();
        var collected = SmartFlows.For(PayerBand.Timely, PaymentMethod.DirectDebit, NoOverrides).Occurrences().Select(o => o.Name);

        Assert.Equal(["7 days before due", "1 day before due", "1 day overdue", "5 days overdue", "10 days overdue", "15 days overdue"], names.Take(6));
        Assert.Equal(["Collection not received", "7 days overdue"], collected);
    }

    [Theory]
    [InlineData(PayerBand.Timely, SmartTemplates.FriendlyId)]
    [InlineData(PayerBand.Average, SmartTemplates.NeutralId)]
    [InlineData(PayerBand.Unscored, SmartTemplates.NeutralId)]
    [InlineData(PayerBand.Late, SmartTemplates.FirmId)]
    public void EachBand_HasItsOwnMessage(PayerBand band, string templateId)
    {
        Assert.All(SmartFlows.For(band, PaymentMethod.Other, NoOverrides).Steps, s => Assert.Equal(templateId, s.TemplateId));
    }

    [Fact]
    public void TheTenantsTemplates_ReplaceTheBuiltInOnes_UnscoredFollowingAverage()
    {
        var overrides = new Dictionary<PayerBand, string> { [PayerBand.Average] = "our-neutral", [PayerBand.Late] = "our-firm" };

        Assert.Equal("our-firm", SmartFlows.TemplateFor(PayerBand.Late, overrides));
        Assert.Equal("our-neutral", SmartFlows.TemplateFor(PayerBand.Unscored, overrides));
        Assert.Equal(SmartTemplates.FriendlyId, SmartFlows.TemplateFor(PayerBand.Timely, overrides));
    }

    [Fact]
    public void BuiltInTemplates_AreFoundByTheirIds()
    {
        foreach (var id in new[] { SmartTemplates.FriendlyId, SmartTemplates.NeutralId, SmartTemplates.FirmId })
        {
            Assert.True(SmartTemplates.IsBuiltIn(id));
            Assert.Empty(TemplateSyntax.Validate(SmartTemplates.Find(id)!.Content));
        }

        Assert.Null(SmartTemplates.Find("builtin:nothing"));
        Assert.False(SmartTemplates.IsBuiltIn("default"));
    }

    [Fact]
    public void AfterABandChange_NoStepAtOrBeforeTheLastSentOffsetComesBack()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [PlannerScenario.Due("i1", "2026-12-10")],
            Flow = SmartFlows.For(PayerBand.Timely, PaymentMethod.BankTransfer, NoOverrides),
            Sent = [new SentStep("i1", "smart/late/1", 1)],
        };

        Assert.Equal(["2026-12-17T08:00Z i1:smart/timely/7"], scenario.Plan().Describe());
    }
}
