using Mimo.Grains.Customers;
using Mimo.Grains.Delivery;
using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Tenants;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Delivery;

public sealed class DeliveryDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 10);

    private readonly TenantSettings _settings = TenantDefaults.For(
        "tn1", new NewTenant("Acme", "Europe/Berlin", new Sender("Acme", "billing@acme.test")), Now)
        with { DefaultReminderMode = ReminderMode.Custom };

    [Fact]
    public void OpenInvoices_AreAllListed()
    {
        var customer = Customer(Open("i1"), Open("i2"));

        var decision = DeliveryDecision.Decide(customer, Email("i1", "i2"), _settings, Now, Today);

        Assert.Equal(["i1", "i2"], decision.Invoices.Select(i => i.Id));
        Assert.Empty(decision.Dropped);
        Assert.Null(decision.BlockedReason);
    }

    [Fact]
    public void PaidAndHeldInvoices_AreDropped_WithTheirReasons()
    {
        var held = Open("i2").WithHold(new InvoiceHold(HoldReason.Dispute, null, Now));
        var customer = Customer(Open("i1"), held);

        var decision = DeliveryDecision.Decide(customer, Email("i1", "i2", "i3"), _settings, Now, Today);

        Assert.Equal(["i1"], decision.Invoices.Select(i => i.Id));
        Assert.Equal(["Invoice i2 is on hold (dispute).", "Invoice i3 is no longer open (paid or voided)."], decision.Dropped);
    }

    [Fact]
    public void AHoldThatEnded_DoesNotDrop()
    {
        var customer = Customer(Open("i1").WithHold(new InvoiceHold(HoldReason.PromiseToPay, Today.AddDays(-1), Now)));

        Assert.Single(DeliveryDecision.Decide(customer, Email("i1"), _settings, Now, Today).Invoices);
    }

    [Fact]
    public void NothingLeft_BlocksTheEmail()
    {
        var decision = DeliveryDecision.Decide(Customer(), Email("i1"), _settings, Now, Today);

        Assert.Empty(decision.Invoices);
        Assert.Equal("Invoice i1 is no longer open (paid or voided).", decision.BlockedReason);
    }

    [Fact]
    public void PausedOrSwitchedOffOrSuspended_BlocksAutomaticEmails()
    {
        var paused = Customer(Open("i1"));
        paused.Reminders = new CustomerReminderSettings(ReminderMode.Custom, null, Now.AddDays(1));
        var off = Customer(Open("i1"));
        off.Reminders = new CustomerReminderSettings(ReminderMode.None, null, null);
        var suspended = Customer(Open("i1"));
        suspended.Suspension = new ReminderSuspension("ap@acme.test was refused: 550 no such user", Now, "ap@acme.test");

        Assert.StartsWith("Reminders are paused until", DeliveryDecision.Decide(paused, Email("i1"), _settings, Now, Today).BlockedReason);
        Assert.Equal(
            "Automatic reminders are switched off for this customer.",
            DeliveryDecision.Decide(off, Email("i1"), _settings, Now, Today).BlockedReason);
        Assert.StartsWith("Reminders are suspended", DeliveryDecision.Decide(suspended, Email("i1"), _settings, Now, Today).BlockedReason);
    }

    [Fact]
    public void ManualEmails_IgnorePauseAndMode_ButNotSuspension()
    {
        var paused = Customer(Open("i1"));
        paused.Reminders = new CustomerReminderSettings(ReminderMode.None, null, Now.AddDays(1));
        var manual = Email("i1") with { Source = ReminderSource.Manual };

        Assert.Null(DeliveryDecision.Decide(paused, manual, _settings, Now, Today).BlockedReason);
    }

    private static Invoice Open(string id) => Invoice.Open(id, AnInvoice(100m, number: id));

    private static CustomerState Customer(params Invoice[] invoices) => new()
    {
        Details = ACustomer(),
        OpenInvoices = [.. invoices],
    };

    private static OutboxEmail Email(params string[] invoiceIds) => new(
        "m1@tn1.mimo",
        ReminderSource.Workflow,
        invoiceIds.Select(i => new OutboxItem(i, "wf/step")).ToList(),
        "step",
        "default",
        "wf",
        Now,
        0,
        Now);
}
