using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using static Mimo.Testing.TestData;

namespace Mimo.Grains.Tests.Customers;

public sealed class CustomerLedgerTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static CustomerState NewCustomer() => new() { Details = ACustomer() };

    private static CustomerState WithInvoice(decimal amount = 100m, string id = "i1")
    {
        var state = NewCustomer();
        CustomerLedger.UpsertInvoice(state, id, AnInvoice(amount), null, Today);
        return state;
    }

    [Fact]
    public void UpsertInvoice_New_CreatesAnOpenInvoice()
    {
        var state = NewCustomer();

        var change = CustomerLedger.UpsertInvoice(state, "i1", AnInvoice(120m), null, Today);

        Assert.Equal(ResultStatus.Created, change.Result.Status);
        Assert.True(change.StateChanged);
        Assert.Equal(120m, change.Result.Value!.AmountDue);
        Assert.Equal(InvoiceStatus.Open, change.Result.Value.Status);
        Assert.Single(state.OpenInvoices);
    }

    [Fact]
    public void UpsertInvoice_Existing_ReplacesDetailsAndKeepsPayments()
    {
        var state = WithInvoice(100m);
        CustomerLedger.RecordPayment(state, "i1", APayment(30m), null);

        var change = CustomerLedger.UpsertInvoice(state, "i1", AnInvoice(150m, number: "INV-9"), null, Today);

        Assert.Equal(ResultStatus.Ok, change.Result.Status);
        Assert.Equal("INV-9", change.Result.Value!.Details.Number);
        Assert.Equal(30m, change.Result.Value.AmountPaid);
        Assert.Equal(120m, change.Result.Value.AmountDue);
    }

    [Fact]
    public void UpsertInvoice_AmountBelowWhatWasPaid_IsInvalidAndChangesNothing()
    {
        var state = WithInvoice(100m);
        CustomerLedger.RecordPayment(state, "i1", APayment(60m), null);

        var change = CustomerLedger.UpsertInvoice(state, "i1", AnInvoice(50m), null, Today);

        Assert.Equal(ResultStatus.Invalid, change.Result.Status);
        Assert.Equal("amount", change.Result.Field);
        Assert.False(change.StateChanged);
        Assert.Equal(100m, state.OpenInvoices[0].Details.Amount);
    }

    [Fact]
    public void UpsertInvoice_CurrencyChangeWithPayments_IsInvalid()
    {
        var state = WithInvoice(100m);
        CustomerLedger.RecordPayment(state, "i1", APayment(10m), null);

        var change = CustomerLedger.UpsertInvoice(state, "i1", AnInvoice(100m, currency: "USD"), null, Today);

        Assert.Equal(ResultStatus.Invalid, change.Result.Status);
        Assert.Equal("currency", change.Result.Field);
        Assert.Equal("EUR", state.OpenInvoices[0].Details.Currency);
    }

    [Fact]
    public void UpsertInvoice_LoweredToWhatWasPaid_ClosesItAsPaid()
    {
        var state = WithInvoice(100m);
        CustomerLedger.RecordPayment(state, "i1", APayment(80m, new DateOnly(2026, 12, 1)), null);

        var change = CustomerLedger.UpsertInvoice(state, "i1", AnInvoice(80m), null, Today);

        Assert.Equal(InvoiceStatus.Paid, change.Closed!.Status);
        Assert.Equal(new DateOnly(2026, 12, 1), change.Closed.ClosedOn);
        Assert.Empty(state.OpenInvoices);
    }

    [Fact]
    public void UpsertInvoice_ClosedInArchive_WithOtherDetails_IsAConflict()
    {
        var state = NewCustomer();
        var archived = Invoice.Open("i1", AnInvoice(100m)).ToView(InvoiceStatus.Paid, Today);

        var change = CustomerLedger.UpsertInvoice(state, "i1", AnInvoice(120m), archived, Today);

        Assert.Equal(ResultStatus.Conflict, change.Result.Status);
        Assert.Empty(state.OpenInvoices);
    }

    [Fact]
    public void UpsertInvoice_ClosedInArchive_WithTheSameDetails_IsARepeatThatChangesNothing()
    {
        var state = NewCustomer();
        var archived = Invoice.Open("i1", AnInvoice(100m)).ToView(InvoiceStatus.Paid, Today);

        var change = CustomerLedger.UpsertInvoice(state, "i1", AnInvoice(100m), archived, Today);

        Assert.Equal(ResultStatus.Ok, change.Result.Status);
        Assert.Equal(InvoiceStatus.Paid, change.Result.Value!.Status);
        Assert.False(change.StateChanged);
        Assert.Empty(state.OpenInvoices);
    }

    [Fact]
    public void UpsertInvoice_BeyondTheOpenInvoiceLimit_IsAConflict()
    {
        var state = NewCustomer();
        for (var i = 0; i < CustomerLedger.MaxOpenInvoices; i++)
        {
            state.OpenInvoices.Add(Invoice.Open($"i{i}", AnInvoice()));
        }

        var change = CustomerLedger.UpsertInvoice(state, "one-more", AnInvoice(), null, Today);

        Assert.Equal(ResultStatus.Conflict, change.Result.Status);
        Assert.Equal(CustomerLedger.MaxOpenInvoices, state.OpenInvoices.Count);
    }

    [Fact]
    public void RecordPayment_Partial_LowersTheAmountDue()
    {
        var state = WithInvoice(100m);

        var change = CustomerLedger.RecordPayment(state, "i1", APayment(40.5m), null);

        Assert.Equal(ResultStatus.Created, change.Result.Status);
        Assert.Equal(40.5m, change.Result.Value!.AmountPaid);
        Assert.Equal(59.5m, change.Result.Value.AmountDue);
        Assert.Null(change.Closed);
        Assert.Empty(state.PaidHistory);
    }

    [Fact]
    public void RecordPayment_OfTheWholeBalance_ClosesTheInvoiceIntoPaidHistory()
    {
        var state = WithInvoice(100m);
        CustomerLedger.RecordPayment(state, "i1", APayment(40m, new DateOnly(2026, 12, 1)), null);

        var change = CustomerLedger.RecordPayment(state, "i1", APayment(60m, new DateOnly(2026, 12, 3)), null);

        Assert.Equal(InvoiceStatus.Paid, change.Closed!.Status);
        Assert.Equal(0m, change.Closed.AmountDue);
        Assert.Equal(100m, change.Closed.AmountPaid);
        Assert.Empty(state.OpenInvoices);
        var paid = Assert.Single(state.PaidHistory);
        // 40 paid on the due date and 60 two days later: 1.2 days late, weighted by amount.
        Assert.Equal(new PaidInvoiceRecord("i1", "EUR", 100m, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3), 1.2m), paid);
    }

    [Fact]
    public void RecordPayment_LargerThanTheAmountDue_IsInvalidAndChangesNothing()
    {
        var state = WithInvoice(100m);

        var change = CustomerLedger.RecordPayment(state, "i1", APayment(100.01m), null);

        Assert.Equal(ResultStatus.Invalid, change.Result.Status);
        Assert.Equal("amount", change.Result.Field);
        Assert.Empty(state.OpenInvoices[0].Payments);
    }

    [Fact]
    public void RecordPayment_WithARepeatedReference_IsCountedOnce()
    {
        var state = WithInvoice(100m);
        CustomerLedger.RecordPayment(state, "i1", APayment(30m, reference: "bank-77"), null);

        var change = CustomerLedger.RecordPayment(state, "i1", APayment(30m, reference: "bank-77"), null);

        Assert.False(change.StateChanged);
        Assert.Equal(ResultStatus.Ok, change.Result.Status);
        Assert.Equal(70m, state.OpenInvoices[0].AmountDue);
    }

    [Fact]
    public void RecordPayment_OnAPaidInvoice_IsAConflictUnlessItRepeatsAPayment()
    {
        var state = NewCustomer();
        var archived = Invoice.Open("i1", AnInvoice(100m))
            .WithPayment(APayment(100m, reference: "bank-1"))
            .ToView(InvoiceStatus.Paid, Today);

        var repeat = CustomerLedger.RecordPayment(state, "i1", APayment(100m, reference: "bank-1"), archived);
        var other = CustomerLedger.RecordPayment(state, "i1", APayment(5m, reference: "bank-2"), archived);

        Assert.Equal(ResultStatus.Ok, repeat.Result.Status);
        Assert.Equal(ResultStatus.Conflict, other.Result.Status);
    }

    [Fact]
    public void RecordPayment_UnknownInvoice_IsNotFound()
    {
        var state = NewCustomer();

        var change = CustomerLedger.RecordPayment(state, "nope", APayment(1m), null);

        Assert.Equal(ResultStatus.NotFound, change.Result.Status);
    }

    [Fact]
    public void Void_OpenInvoice_ClosesItWithoutPaidHistory()
    {
        var state = WithInvoice(100m);

        var change = CustomerLedger.Void(state, "i1", null, Today);

        Assert.Equal(InvoiceStatus.Void, change.Closed!.Status);
        Assert.Equal(Today, change.Closed.ClosedOn);
        Assert.Equal(0m, change.Closed.AmountDue);
        Assert.Empty(state.OpenInvoices);
        Assert.Empty(state.PaidHistory);
    }

    [Fact]
    public void Void_TwiceIsHarmless_ButAPaidInvoiceCannotBeVoided()
    {
        var state = NewCustomer();
        var voided = Invoice.Open("i1", AnInvoice()).ToView(InvoiceStatus.Void, Today);
        var paid = Invoice.Open("i2", AnInvoice()).ToView(InvoiceStatus.Paid, Today);

        Assert.Equal(ResultStatus.Ok, CustomerLedger.Void(state, "i1", voided, Today).Result.Status);
        Assert.Equal(ResultStatus.Conflict, CustomerLedger.Void(state, "i2", paid, Today).Result.Status);
    }

    [Fact]
    public void SetHold_PlacesAndLiftsAHold()
    {
        var state = WithInvoice();
        var hold = new InvoiceHold(HoldReason.PromiseToPay, new DateOnly(2026, 12, 20), DateTimeOffset.UnixEpoch);

        var placed = CustomerLedger.SetHold(state, "i1", hold, null);
        var lifted = CustomerLedger.SetHold(state, "i1", null, null);

        Assert.Equal(hold, placed.Result.Value!.Hold);
        Assert.Null(lifted.Result.Value!.Hold);
        Assert.Null(state.OpenInvoices[0].Hold);
    }

    [Fact]
    public void SetHold_OnAClosedInvoice_IsAConflict()
    {
        var state = NewCustomer();
        var paid = Invoice.Open("i1", AnInvoice()).ToView(InvoiceStatus.Paid, Today);
        var hold = new InvoiceHold(HoldReason.Dispute, null, DateTimeOffset.UnixEpoch);

        var change = CustomerLedger.SetHold(state, "i1", hold, paid);

        Assert.Equal(ResultStatus.Conflict, change.Result.Status);
    }
}
