using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mimo.Grains.Activity;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Scheduling;
using Mimo.Grains.Telemetry;

namespace Mimo.Grains.Customers;

/// <summary>
/// One customer of one tenant. Every change is written to the grain's state first and then
/// published to the read models (retried in the background if they are down); a closed invoice is
/// archived before the state forgets it, so a failed command leaves nothing that a retry of the
/// same request does not repair. After every change the customer re-plans its reminders and keeps
/// one Orleans reminder due at its next send (see CustomerGrain.Reminders.cs).
/// </summary>
[GrainType("customer")]
internal sealed partial class CustomerGrain(
    [PersistentState("customer", StorageNames.GrainStorage)] IPersistentState<CustomerState> state,
    ICustomerDirectory directory,
    IInvoiceArchive archive,
    IActivityLog activityLog,
    TemplateRenderer renderer,
    MimoMetrics metrics,
    IOptions<ReminderTimingOptions> timing,
    [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider clock,
    ILogger<CustomerGrain> logger) : Grain, ICustomerGrain
{
    private string _tenantId = "";
    private string _customerId = "";

    private CustomerState Customer => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_tenantId, _customerId) = CustomerKey.Parse(this.GetPrimaryKeyString());
        await RefreshContextAsync();
        if (Customer.PendingActivity.Count > 0)
        {
            await PublishAsync();
        }

        CountOutbox();
    }

    public async Task<GrainResult<CustomerView>> UpsertAsync(CustomerDetails details)
    {
        var now = clock.GetUtcNow();
        var created = ApplyDetails(details, now);
        await SaveAsync(now);

        LogCustomerSaved(logger, _tenantId, _customerId, created);
        var view = ToView();
        return created ? GrainResult<CustomerView>.Created(view) : GrainResult<CustomerView>.Ok(view);
    }

    /// <summary>Creates the customer or replaces its details in memory; true when it was created.</summary>
    private bool ApplyDetails(CustomerDetails details, DateTimeOffset now)
    {
        var created = !Customer.Exists;
        if (created)
        {
            Customer.CreatedAt = now;
        }
        else if (!Customer.Details!.Contacts.SequenceEqual(details.Contacts))
        {
            // New addresses from the tenant: what bounced before is the tenant's to have fixed.
            Customer.FlaggedContacts.Clear();
            Customer.Suspension = null;
        }

        Customer.Details = details;
        return created;
    }

    public Task<CustomerView?> GetAsync() => Task.FromResult(Customer.Exists ? ToView() : null);

    public Task<bool> ExistsAsync() => Task.FromResult(Customer.Exists);

    public Task<GrainResult<PayScoreReport>> GetPayScoreAsync() => Task.FromResult(Customer.Exists
        ? GrainResult<PayScoreReport>.Ok(Plan(clock.GetUtcNow()).Score)
        : CustomerNotFound<PayScoreReport>());

    public async Task<bool> DeleteAsync()
    {
        if (!Customer.Exists)
        {
            return false;
        }

        await CancelReminderAsync();
        await WriteAsync(state.ClearStateAsync);
        state.State = new CustomerState();
        CountOutbox();

        LogCustomerDeleted(logger, _tenantId, _customerId);
        if (await PublishAsync())
        {
            DeactivateOnIdle();
        }

        return true;
    }

    public Task<GrainResult<InvoiceView>> UpsertInvoiceAsync(string invoiceId, InvoiceDetails details) =>
        ChangeInvoiceAsync(invoiceId, archived =>
            CustomerLedger.UpsertInvoice(Customer, invoiceId, details, archived, Today()));

    public async Task<GrainResult<InvoiceView>> GetInvoiceAsync(string invoiceId)
    {
        if (!Customer.Exists)
        {
            return CustomerNotFound<InvoiceView>();
        }

        var open = Customer.FindOpen(invoiceId);
        if (open is not null)
        {
            return GrainResult<InvoiceView>.Ok(open.ToView());
        }

        var archived = await ArchivedAsync(invoiceId);
        return archived is null
            ? GrainResult<InvoiceView>.NotFound($"There is no invoice '{invoiceId}'.")
            : GrainResult<InvoiceView>.Ok(archived);
    }

    public Task<GrainResult<InvoiceView>> RecordPaymentAsync(string invoiceId, PaymentDetails payment) =>
        ChangeInvoiceAsync(invoiceId, archived => CustomerLedger.RecordPayment(Customer, invoiceId, payment, archived));

    public Task<GrainResult<InvoiceView>> VoidInvoiceAsync(string invoiceId) =>
        ChangeInvoiceAsync(invoiceId, archived => CustomerLedger.Void(Customer, invoiceId, archived, Today()));

    public Task<GrainResult<InvoiceView>> PlaceHoldAsync(string invoiceId, HoldReason reason, DateOnly? until)
    {
        var hold = new InvoiceHold(reason, until, clock.GetUtcNow());
        return ChangeInvoiceAsync(invoiceId, archived => CustomerLedger.SetHold(Customer, invoiceId, hold, archived));
    }

    public Task<GrainResult<InvoiceView>> LiftHoldAsync(string invoiceId) =>
        ChangeInvoiceAsync(invoiceId, archived => CustomerLedger.SetHold(Customer, invoiceId, null, archived));

    private async Task<GrainResult<InvoiceView>> ChangeInvoiceAsync(
        string invoiceId,
        Func<InvoiceView?, LedgerChange> decide)
    {
        if (!Customer.Exists)
        {
            return CustomerNotFound<InvoiceView>();
        }

        var change = decide(await ArchivedAsync(invoiceId));
        if (!change.StateChanged)
        {
            return change.Result;
        }

        await ArchiveClosedAsync(change, invoiceId);
        await SaveAsync(clock.GetUtcNow());
        return change.Result;
    }

    /// <summary>The closed invoice with this id, when the id is not open and the customer has closed invoices.</summary>
    private async Task<InvoiceView?> ArchivedAsync(string invoiceId) =>
        Customer.FindOpen(invoiceId) is null && Customer.HasClosedInvoices
            ? await archive.FindAsync(_tenantId, _customerId, invoiceId, CancellationToken.None)
            : null;

    /// <summary>Archives an invoice the change closed, before the state that forgets it is written.</summary>
    private async Task ArchiveClosedAsync(LedgerChange change, string invoiceId)
    {
        if (change.Closed is null)
        {
            return;
        }

        await archive.SaveAsync(_tenantId, _customerId, change.Closed, CancellationToken.None);
        Customer.HasClosedInvoices = true;
        LogInvoiceClosed(logger, _tenantId, _customerId, invoiceId, change.Closed.Status);
    }

    /// <summary>
    /// Writes the state after a change and publishes it. The reminder is moved first when the new
    /// plan needs it earlier, so that a failure leaves the stored state as it was.
    /// </summary>
    private async Task SaveAsync(DateTimeOffset now)
    {
        Customer.UpdatedAt = now;
        Customer.PaidHistory = PaidHistory.Prune(Customer.PaidHistory, Today());
        Customer.PruneSentSteps();
        await PersistAsync(now);
    }

    /// <summary>Writes the state and publishes it, moving the reminder first when the plan needs it earlier.</summary>
    private async Task PersistAsync(DateTimeOffset now)
    {
        await BringReminderForwardAsync(now);
        await WriteAsync(state.WriteStateAsync);
        await PublishAsync();
    }

    private async Task WriteAsync(Func<Task> write)
    {
        try
        {
            await write();
            CountOutbox();
        }
        catch
        {
            // The stored state is the truth: the next call reloads it instead of this activation's changes.
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>Today in the customer's time zone (its own, else its tenant's).</summary>
    private DateOnly Today() => Plan(clock.GetUtcNow()).Calendar.LocalDate(clock.GetUtcNow());

    private CustomerView ToView() => new(
        _customerId,
        Customer.Details!,
        Customer.OpenInvoices.Select(i => i.ToView()).ToList(),
        Customer.Outstanding,
        Plan(clock.GetUtcNow()).Score.Summary,
        ReminderView(),
        Customer.CreatedAt,
        Customer.UpdatedAt);

    private ReminderSettingsView ReminderView() => new(
        Customer.Reminders.Mode,
        Customer.Reminders.WorkflowId,
        Customer.Reminders.PausedUntil,
        NextReminderAt(clock.GetUtcNow()),
        Customer.Suspension);

    private CustomerSummary ToSummary() => new(
        _customerId,
        Customer.Details!.Name,
        Customer.Details.Tags,
        Customer.Details.PaymentMethod,
        Customer.Reminders.Mode,
        Plan(clock.GetUtcNow()).Score.Summary,
        Customer.Outstanding,
        NextReminderAt(clock.GetUtcNow()),
        Customer.UpdatedAt);

    private static GrainResult<T> CustomerNotFound<T>() => GrainResult<T>.NotFound("There is no such customer.");
}
