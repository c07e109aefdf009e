using Mimo.Grains.Scheduling;
using static Mimo.Grains.Tests.Scheduling.PlannerScenario;

namespace Mimo.Grains.Tests.Scheduling;

public sealed class StepTimingTests
{
    [Fact]
    public void Steps_FallOnDueDatePlusOffset_AtTheSendTimeInTheCustomersZone()
    {
        var scenario = new PlannerScenario { Invoices = [Due("i1", "2026-12-10")], Flow = FlowOf(-3, 0, 7) };

        Assert.Equal(
            ["2026-12-07T08:00Z i1:s-3", "2026-12-10T08:00Z i1:s0", "2026-12-17T08:00Z i1:s7"],
            scenario.Plan().Describe());
    }

    [Theory]
    [InlineData("Pacific/Auckland", "2026-12-09T20:00")]
    [InlineData("Asia/Tokyo", "2026-12-10T00:00")]
    [InlineData("UTC", "2026-12-10T09:00")]
    [InlineData("America/New_York", "2026-12-10T14:00")]
    [InlineData("America/Los_Angeles", "2026-12-10T17:00")]
    public void SendTime_IsLocal_EitherSideOfUtc(string zone, string expectedUtc)
    {
        var scenario = new PlannerScenario { Invoices = [Due("i1", "2026-12-10")], TimeZone = zone };

        Assert.Equal($"{expectedUtc}Z i1:s0", Assert.Single(scenario.Plan()).Describe());
    }

    [Fact]
    public void SendTime_FollowsDaylightSavingChanges()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2027-03-26")],
            Flow = FlowOf(0, 3),
            Now = DateTimeOffset.Parse("2027-03-20T00:00:00Z"),
        };

        Assert.Equal(["2027-03-26T08:00Z i1:s0", "2027-03-29T07:00Z i1:s3"], scenario.Plan().Describe());
    }

    [Fact]
    public void SendTime_SkippedByDaylightSaving_MovesForwardByTheSkippedHour()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2027-03-28")],
            SendTime = new TimeOnly(2, 30),
            BusinessDays = Enum.GetValues<DayOfWeek>(),
            Now = DateTimeOffset.Parse("2027-03-20T00:00:00Z"),
        };

        Assert.Equal("2027-03-28T01:30Z i1:s0", Assert.Single(scenario.Plan()).Describe());
    }

    [Fact]
    public void SendTime_ThatHappensTwice_IsTakenTheFirstTime()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-10-25")],
            SendTime = new TimeOnly(2, 30),
            BusinessDays = Enum.GetValues<DayOfWeek>(),
            Now = DateTimeOffset.Parse("2026-10-20T00:00:00Z"),
        };

        Assert.Equal("2026-10-25T00:30Z i1:s0", Assert.Single(scenario.Plan()).Describe());
    }

    [Theory]
    [InlineData("2028-01-31", 29, "2028-02-29")]
    [InlineData("2027-01-31", 29, "2027-03-01")]
    [InlineData("2026-11-30", 1, "2026-12-01")]
    [InlineData("2026-12-31", 1, "2027-01-01")]
    public void Offsets_CountCalendarDays_AcrossMonthEndsAndLeapDays(string due, int offset, string expectedDay)
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", due)],
            Flow = FlowOf(offset),
            BusinessDays = Enum.GetValues<DayOfWeek>(),
            Now = DateTimeOffset.Parse("2026-11-01T00:00:00Z"),
        };

        Assert.Equal(DateOnly.Parse(expectedDay), Assert.Single(scenario.Plan()).LocalDate);
    }

    [Fact]
    public void Repeat_RepeatsTheLastStep_AtMostMaxTimes()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-12-07")],
            Flow = FlowOf(0) with { Repeat = new FlowRepeat(7, 2) },
        };

        Assert.Equal(
            ["2026-12-07T08:00Z i1:s0", "2026-12-14T08:00Z i1:s0#1", "2026-12-21T08:00Z i1:s0#2"],
            scenario.Plan().Describe());
    }
}

public sealed class BusinessDayTests
{
    [Fact]
    public void StepOnAWeekend_MovesToMonday()
    {
        var scenario = new PlannerScenario { Invoices = [Due("i1", "2026-12-05")] };

        Assert.Equal("2026-12-07T08:00Z i1:s0", Assert.Single(scenario.Plan()).Describe());
    }

    [Fact]
    public void CustomBusinessDays_AreHonoured()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-12-07")],
            BusinessDays = [DayOfWeek.Wednesday],
        };

        Assert.Equal(new DateOnly(2026, 12, 9), Assert.Single(scenario.Plan()).LocalDate);
    }
}

public sealed class OneEmailPerDayTests
{
    [Fact]
    public void InvoicesDueTheSameDay_GoInOneEmail()
    {
        var scenario = new PlannerScenario { Invoices = [Due("i2", "2026-12-08"), Due("i1", "2026-12-08")] };

        Assert.Equal("2026-12-08T08:00Z i1:s0+i2:s0", Assert.Single(scenario.Plan()).Describe());
    }

    [Fact]
    public void StepsMovedOntoTheSameMonday_GoInOneEmail_WithTheMostAdvancedStepsTemplate()
    {
        var flow = new ReminderFlow("wf", [new FlowStep("a", "first", 0, "gentle"), new FlowStep("b", "second", 7, "firm")]);
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-11-29"), Due("i2", "2026-12-05")],
            Flow = flow,
            Now = DateTimeOffset.Parse("2026-12-05T00:00:00Z"),
        };

        var send = scenario.Plan()[0];

        Assert.Equal("2026-12-07T08:00Z i1:b+i2:a", send.Describe());
        Assert.Equal("firm", send.TemplateId);
        Assert.Equal("second", send.Step.Name);
    }
}

public sealed class NoBurstTests
{
    [Fact]
    public void InvoiceArrivingLongOverdue_SendsOnlyItsLatestDueStep_Once()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-10-01")],
            Flow = FlowOf(-3, 1, 7, 14, 60, 90),
            Now = DateTimeOffset.Parse("2026-12-01T12:00:00Z"),
        };

        Assert.Equal(["2026-12-02T08:00Z i1:s60", "2026-12-30T08:00Z i1:s90"], scenario.Plan().Describe());
    }

    [Fact]
    public void PassedOverSteps_AreReportedWithTheStepThatIsSent()
    {
        var scenario = new PlannerScenario { Invoices = [Due("i1", "2026-11-01")], Flow = FlowOf(-3, 1, 7, 40) };

        var first = scenario.Plan()[0];

        var item = Assert.Single(first.Items);
        Assert.Equal("s7", item.Occurrence.Key);
        Assert.Equal(["s-3", "s1"], item.Superseded.Select(o => o.Key));
    }

    [Fact]
    public void StepsNeverGoBackward_AfterALaterStepWasSent()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-12-10")],
            Flow = FlowOf(-3, 0, 7),
            Sent = [new SentStep("i1", "s0")],
        };

        Assert.Equal(["2026-12-17T08:00Z i1:s7"], scenario.Plan().Describe());
    }

    [Fact]
    public void MissedByLessThanTheGrace_GoesOutNow()
    {
        var now = DateTimeOffset.Parse("2026-12-10T08:20:00Z");
        var scenario = new PlannerScenario { Invoices = [Due("i1", "2026-12-10")], Now = now };

        Assert.Equal(now, Assert.Single(scenario.Plan()).SendAt);
    }

    [Fact]
    public void MissedByMoreThanTheGrace_GoesOutAtTheNextBusinessDaysSendTime()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-12-11")],
            Now = DateTimeOffset.Parse("2026-12-11T15:00:00Z"),
        };

        Assert.Equal("2026-12-14T08:00Z i1:s0", Assert.Single(scenario.Plan()).Describe());
    }
}

public sealed class MinimumGapTests
{
    [Fact]
    public void StepsOnConsecutiveDays_ArePostponedByTheGap_AndMerged()
    {
        var scenario = new PlannerScenario { Invoices = [Due("i1", "2026-12-07"), Due("i2", "2026-12-08")] };

        Assert.Equal(["2026-12-07T08:00Z i1:s0", "2026-12-09T08:00Z i2:s0"], scenario.Plan().Describe());
    }

    [Fact]
    public void TheLastSendBeforePlanning_CountsTowardsTheGap()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-12-07")],
            LastSentOn = new DateOnly(2026, 12, 6),
            MinGap = 3,
        };

        Assert.Equal(new DateOnly(2026, 12, 9), Assert.Single(scenario.Plan()).LocalDate);
    }

    [Fact]
    public void AGapOfOneDay_AllowsDailyEmails_ButNeverTwoADay()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-12-07"), Due("i2", "2026-12-08")],
            Flow = FlowOf(0, 1),
            MinGap = 1,
        };

        Assert.Equal(
            ["2026-12-07T08:00Z i1:s0", "2026-12-08T08:00Z i1:s1+i2:s0", "2026-12-09T08:00Z i2:s1"],
            scenario.Plan().Describe());
    }
}

public sealed class StopRuleTests
{
    [Fact]
    public void NoOpenAmount_NoSends()
    {
        var scenario = new PlannerScenario { Invoices = [Due("i1", "2026-12-10", amountDue: 0m)] };

        Assert.Empty(scenario.Plan());
    }

    [Fact]
    public void HoldWithAnEndDate_ResumesAfterIt_WithOnlyTheLatestStep()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-12-07") with { HoldUntil = new DateOnly(2026, 12, 15) }],
            Flow = FlowOf(0, 3, 20),
        };

        Assert.Equal(["2026-12-16T08:00Z i1:s3", "2026-12-28T08:00Z i1:s20"], scenario.Plan().Describe());
    }

    [Fact]
    public void HoldWithoutAnEndDate_StopsThatInvoiceOnly()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-12-07") with { HeldIndefinitely = true }, Due("i2", "2026-12-07")],
        };

        Assert.Equal(["2026-12-07T08:00Z i2:s0"], scenario.Plan().Describe());
    }

    [Fact]
    public void PausedCustomer_GetsNothingBeforeThePauseEnds()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-12-07")],
            Flow = FlowOf(0, 3),
            PausedUntil = DateTimeOffset.Parse("2026-12-09T10:00:00Z"),
        };

        Assert.Equal(["2026-12-10T08:00Z i1:s3"], scenario.Plan().Describe());
    }

    [Fact]
    public void EmptyFlow_PlansNothing()
    {
        var scenario = new PlannerScenario { Invoices = [Due("i1", "2026-12-07")], Flow = FlowOf() };

        Assert.Empty(scenario.Plan());
    }
}

public sealed class EachStepOnceTests
{
    [Fact]
    public void SentSteps_AreNotPlannedAgain()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-12-07"), Due("i2", "2026-12-07")],
            Sent = [new SentStep("i1", "s0")],
        };

        Assert.Equal(["2026-12-07T08:00Z i2:s0"], scenario.Plan().Describe());
    }

    [Fact]
    public void RepeatsHaveTheirOwnKeys()
    {
        var scenario = new PlannerScenario
        {
            Invoices = [Due("i1", "2026-12-07")],
            Flow = FlowOf(0) with { Repeat = new FlowRepeat(7, 2) },
            Sent = [new SentStep("i1", "s0"), new SentStep("i1", "s0#1")],
        };

        Assert.Equal(["2026-12-21T08:00Z i1:s0#2"], scenario.Plan().Describe());
    }
}
