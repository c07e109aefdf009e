using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Email;

namespace Mimo.Grains.Interfaces.Customers;

/// <summary>
/// One customer of one tenant, keyed <c>"{tenantId}/{customerId}"</c> (see <see cref="CustomerKey"/>).
/// It holds the customer's details, open invoices, a compact paid history and reminder settings.
/// Commands that find no customer answer <see cref="ResultStatus.NotFound"/>.
/// </summary>
[Alias("mimo.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Creates the customer (<see cref="ResultStatus.Created"/>) or replaces its details.</summary>
    [Alias("UpsertAsync")]
    Task<GrainResult<CustomerView>> UpsertAsync(CustomerDetails details);

    /// <summary>The customer, or null when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<CustomerView?> GetAsync();

    [Alias("ExistsAsync")]
    Task<bool> ExistsAsync();

    /// <summary>
    /// Applies several changes in order and writes the state once: the import's way of taking a
    /// customer and its invoices in one go. Each change has its own outcome, exactly as if it had
    /// been applied alone (null when it succeeded, else why not); when the write fails, it throws
    /// and none of them took effect.
    /// </summary>
    [Alias("ApplyChangesAsync")]
    Task<IReadOnlyList<string?>> ApplyChangesAsync(IReadOnlyList<CustomerChange> changes);

    /// <summary>The Pay Score as of today, with its inputs and an explanation.</summary>
    [Alias("GetPayScoreAsync")]
    Task<GrainResult<PayScoreReport>> GetPayScoreAsync();

    /// <summary>Deletes the customer, its invoices and its reminders; false when there was none.</summary>
    [Alias("DeleteAsync")]
    Task<bool> DeleteAsync();

    /// <summary>Creates or replaces an open invoice; a paid or void invoice answers Conflict.</summary>
    [Alias("UpsertInvoiceAsync")]
    Task<GrainResult<InvoiceView>> UpsertInvoiceAsync(string invoiceId, InvoiceDetails details);

    [Alias("GetInvoiceAsync")]
    Task<GrainResult<InvoiceView>> GetInvoiceAsync(string invoiceId);

    /// <summary>
    /// Records a payment. A payment of the whole balance closes the invoice; a payment larger
    /// than the amount due is Invalid; a repeated payment reference is recognised and not counted twice.
    /// </summary>
    [Alias("RecordPaymentAsync")]
    Task<GrainResult<InvoiceView>> RecordPaymentAsync(string invoiceId, PaymentDetails payment);

    [Alias("VoidInvoiceAsync")]
    Task<GrainResult<InvoiceView>> VoidInvoiceAsync(string invoiceId);

    [Alias("PlaceHoldAsync")]
    Task<GrainResult<InvoiceView>> PlaceHoldAsync(string invoiceId, HoldReason reason, DateOnly? until);

    [Alias("LiftHoldAsync")]
    Task<GrainResult<InvoiceView>> LiftHoldAsync(string invoiceId);

    /// <summary>
    /// Sets how the customer is reminded and re-plans. Invalid when the workflow does not exist or
    /// a workflow is named for a mode other than custom.
    /// </summary>
    [Alias("SetReminderSettingsAsync")]
    Task<GrainResult<ReminderSettingsView>> SetReminderSettingsAsync(ReminderSettingsChange change);

    /// <summary>The upcoming automatic emails, planned from the current state; nothing is sent.</summary>
    [Alias("GetScheduleAsync")]
    Task<GrainResult<IReadOnlyList<ScheduledSend>>> GetScheduleAsync();

    /// <summary>Re-plans from the tenant's current settings and workflows (after they changed).</summary>
    [Alias("ReplanAsync")]
    Task ReplanAsync();

    /// <summary>
    /// Called by delivery right before an email of the outbox goes: the email as it must be sent
    /// now (current amounts), or why it must not go any more. The decision is re-checked here
    /// against the current state, not taken from when the email was queued.
    /// </summary>
    [Alias("PrepareDeliveryAsync")]
    Task<PreparedDelivery> PrepareDeliveryAsync(string messageId);

    /// <summary>Called by delivery with the outcome of an attempt; a repeated report is ignored.</summary>
    [Alias("CompleteDeliveryAsync")]
    Task CompleteDeliveryAsync(string messageId, DeliveryOutcome outcome);

    /// <summary>
    /// Sends a manual reminder now: one email listing the chosen open invoices. Invalid when a
    /// named invoice is not open or the template does not exist; Conflict when there is nothing to
    /// remind of or no address left; a request with a key already used answers as the first time,
    /// or KeyReused when its content differs. Keys are remembered for 48 hours.
    /// </summary>
    [Alias("SendManualAsync")]
    Task<GrainResult<ManualSendResult>> SendManualAsync(ManualReminder reminder, ManualRequest request);

    /// <summary>The exact email <see cref="SendManualAsync"/> would send now, without sending it.</summary>
    [Alias("PreviewManualAsync")]
    Task<GrainResult<OutgoingEmail>> PreviewManualAsync(ManualReminder reminder);
}
