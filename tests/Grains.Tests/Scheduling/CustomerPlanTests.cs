using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Interfaces.Workflows;
using Mimo.Grains.Scheduling;
using Mimo.Grains.Tenants;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Scheduling;

public sealed class CustomerPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private static readonly Workflow Standard = new(
        "standard",
        new WorkflowDefinition("Standard", 1, new WorkflowAudience(), [new WorkflowStep("Due", 0, "default")], null),
        Now,
        Now);

    [Fact]
    public void CustomMode_FollowsTheMatchingWorkflow_InTheTenantsZoneWhenTheCustomerHasNone()
    {
        var customer = Customer(ReminderMode.Custom, timeZone: null);

        var plan = CustomerPlan.For(customer, Context("America/New_York"), Now);

        Assert.Equal("standard", plan.WorkflowId);
        Assert.Equal(DateTimeOffset.Parse("2026-12-10T14:00:00Z"), plan.NextSendAt);
    }

    [Fact]
    public void TheCustomersOwnZone_WinsOverTheTenants()
    {
        var plan = CustomerPlan.For(Customer(ReminderMode.Custom, timeZone: "Asia/Tokyo"), Context("America/New_York"), Now);

        Assert.Equal(DateTimeOffset.Parse("2026-12-10T00:00:00Z"), plan.NextSendAt);
    }

    [Fact]
    public void NoMode_FollowsTheTenantsDefault()
    {
        var customer = Customer(mode: null);

        Assert.NotNull(CustomerPlan.For(customer, Context(defaultMode: ReminderMode.Custom), Now).NextSendAt);
        Assert.Null(CustomerPlan.For(customer, Context(defaultMode: ReminderMode.None), Now).NextSendAt);
    }

    [Fact]
    public void ModeNone_Suspension_OrNoMatchingWorkflow_PlanNothing()
    {
        var suspended = Customer(ReminderMode.Custom);
        suspended.Suspension = new ReminderSuspension("bounced", Now, "ap@acme.test");

        Assert.Empty(CustomerPlan.For(Customer(ReminderMode.None), Context(), Now).Sends);
        Assert.Empty(CustomerPlan.For(suspended, Context(), Now).Sends);
        Assert.Empty(CustomerPlan.For(Customer(ReminderMode.Custom), Context() with { Workflows = [] }, Now).Sends);
    }

    [Fact]
    public void SentSteps_AreNotPlannedAgain()
    {
        var customer = Customer(ReminderMode.Custom);
        customer.SentSteps.Add(new SentStepRecord("i1", "standard/Due"));

        Assert.Empty(CustomerPlan.For(customer, Context(), Now).Sends);
    }

    private static CustomerState Customer(ReminderMode? mode, string? timeZone = "Europe/Berlin")
    {
        var customer = new CustomerState
        {
            Details = ACustomer() with { TimeZone = timeZone },
            Reminders = new CustomerReminderSettings(mode, null, null),
        };
        customer.OpenInvoices.Add(Invoice.Open("i1", AnInvoice(due: new DateOnly(2026, 12, 10))));
        return customer;
    }

    private static ReminderContext Context(string zone = "UTC", ReminderMode defaultMode = ReminderMode.None)
    {
        var settings = TenantDefaults.For("tn1", new NewTenant("Acme", zone, new Sender("Acme", "billing@acme.test")), Now)
            with { DefaultReminderMode = defaultMode };
        return new ReminderContext(settings, [Standard], 1);
    }
}
