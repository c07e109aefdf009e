using Mimo.Grains.Delivery;
using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Email;
using Mimo.Grains.Templates;

namespace Mimo.Grains.Customers;

/// <summary>
/// Manual reminders: a person picks invoices and sends one email now. It goes through the same
/// outbox and delivery as automatic emails (so the stop rules are checked again right before it
/// goes), counts towards the minimum gap, and so postpones the customer's next automatic email by
/// at least that gap. A request is remembered by its key for 48 hours: a repeat sends nothing.
/// </summary>
internal sealed partial class CustomerGrain
{
    public const string ManualStepName = "Manual reminder";

    private const string ConflictField = "$";

    private static readonly TimeSpan RequestMemory = TimeSpan.FromHours(48);
    private const int MaxRememberedRequests = 500;

    public async Task<GrainResult<ManualSendResult>> SendManualAsync(ManualReminder reminder, ManualRequest request)
    {
        if (!Customer.Exists)
        {
            return CustomerNotFound<ManualSendResult>();
        }

        var now = clock.GetUtcNow();
        if (RememberedRequest(request, now) is { } answered)
        {
            return answered;
        }

        await RefreshContextAsync();
        var (email, invoices, failure) = await ComposeManualAsync(reminder, MessageIds.ForRequest(_tenantId, _customerId, request.Key), now);
        if (failure is { } refused)
        {
            return Refused<ManualSendResult>(refused);
        }

        Customer.Outbox.Add(email!);
        Customer.LastReminderAt = now;
        var invoiceIds = invoices.Select(i => i.Id).ToList();
        Remember(new ManualRequestRecord(request.Key, request.Fingerprint, email!.MessageId, invoiceIds, now), now);
        var handOver = TakeDueForDelivery(now);
        await PersistAsync(now);
        await HandOverAsync(handOver);

        metrics.ReminderPlanned(_tenantId, "manual");
        LogManualQueued(logger, _tenantId, _customerId, email.MessageId, invoiceIds.Count);
        return GrainResult<ManualSendResult>.Created(new ManualSendResult(email.MessageId, invoiceIds));
    }

    public async Task<GrainResult<OutgoingEmail>> PreviewManualAsync(ManualReminder reminder)
    {
        if (!Customer.Exists)
        {
            return CustomerNotFound<OutgoingEmail>();
        }

        await RefreshContextAsync();
        var (email, invoices, failure) = await ComposeManualAsync(reminder, "preview@mimo", clock.GetUtcNow());
        if (failure is { } refused)
        {
            return Refused<OutgoingEmail>(refused);
        }

        var (rendered, renderFailure) = await RenderAsync(email!, invoices);
        return rendered is null
            ? GrainResult<OutgoingEmail>.Invalid("templateId", renderFailure!)
            : GrainResult<OutgoingEmail>.Ok(new OutgoingEmail(
                email!.MessageId, Sender(), ReplyTo(), Recipients(), rendered.Subject, rendered.Html, rendered.Text));
    }

    /// <summary>
    /// The outbox email a manual request asks for, after checking it: the invoices it lists, the
    /// template and the addresses. A failure names the field, or <see cref="ConflictField"/> for a
    /// conflict with the customer's state.
    /// </summary>
    private async Task<(OutboxEmail? Email, IReadOnlyList<Invoice> Invoices, (string Field, string Message)? Failure)>
        ComposeManualAsync(ManualReminder reminder, string messageId, DateTimeOffset now)
    {
        if (Customer.Suspension is { } suspension)
        {
            return (null, [], (ConflictField, $"Reminders are suspended: {suspension.Reason} Update the customer's contacts first."));
        }

        var (invoices, failure) = await SelectInvoicesAsync(reminder.InvoiceIds);
        if (failure is not null)
        {
            return (null, [], failure);
        }

        var templateId = reminder.TemplateId ?? DefaultTemplate.Id;
        if (await FindTemplateAsync(templateId) is null)
        {
            return (null, [], ("templateId", $"There is no template '{templateId}'."));
        }

        if (Recipients().Count == 0)
        {
            return (null, [], (ConflictField, "No contact address can be emailed: every address was refused before."));
        }

        var email = new OutboxEmail(
            messageId,
            ReminderSource.Manual,
            invoices.Select(i => new OutboxItem(i.Id, "manual")).ToList(),
            ManualStepName,
            templateId,
            null,
            now,
            0,
            now,
            Subject: reminder.Subject,
            Message: reminder.Message);
        return (email, invoices, null);
    }

    /// <summary>
    /// The named invoices, each open with something to pay and not on hold; or all such invoices.
    /// A named invoice on hold is refused rather than listed: delivery drops held invoices from every
    /// email, so accepting one would promise an email that never lists it.
    /// </summary>
    private async Task<(IReadOnlyList<Invoice> Invoices, (string Field, string Message)? Failure)> SelectInvoicesAsync(
        IReadOnlyList<string>? invoiceIds)
    {
        var today = Today();
        if (invoiceIds is null)
        {
            var open = Customer.OpenInvoices.Where(i => i.AmountDue > 0 && !i.IsOnHold(today)).ToList();
            return open.Count > 0 ? (open, null) : ([], (ConflictField, "The customer has no open invoice to remind of."));
        }

        var selected = new List<Invoice>();
        for (var index = 0; index < invoiceIds.Count; index++)
        {
            var invoice = Customer.FindOpen(invoiceIds[index]);
            if (invoice is null || invoice.AmountDue <= 0)
            {
                return ([], ($"invoiceIds[{index}]", await WhyNotOpenAsync(invoiceIds[index])));
            }

            if (invoice.IsOnHold(today))
            {
                var onHold = $"Invoice '{invoice.Id}' is on hold: lift the hold before reminding of it.";
                return ([], ($"invoiceIds[{index}]", onHold));
            }

            selected.Add(invoice);
        }

        return (selected, null);
    }

    private async Task<string> WhyNotOpenAsync(string invoiceId)
    {
        var archived = await archive.FindAsync(_tenantId, _customerId, invoiceId, CancellationToken.None);
        return archived is null
            ? $"The customer has no invoice '{invoiceId}'."
            : $"Invoice '{invoiceId}' is {archived.Status.ToString().ToLowerInvariant()}: only open invoices can be reminded of.";
    }

    private static GrainResult<T> Refused<T>((string Field, string Message) failure) =>
        failure.Field == ConflictField
            ? GrainResult<T>.Conflict(failure.Message)
            : GrainResult<T>.Invalid(failure.Field, failure.Message);

    /// <summary>The first answer to a request with this key, or a refusal when the key came with a different request.</summary>
    private GrainResult<ManualSendResult>? RememberedRequest(ManualRequest request, DateTimeOffset now)
    {
        Customer.ManualRequests.RemoveAll(r => now - r.At > RequestMemory);
        var previous = Customer.ManualRequests.Find(r => r.Key == request.Key);
        if (previous is null)
        {
            return null;
        }

        return previous.Fingerprint == request.Fingerprint
            ? GrainResult<ManualSendResult>.Created(new ManualSendResult(previous.MessageId, previous.InvoiceIds))
            : GrainResult<ManualSendResult>.KeyReused(
                "This Idempotency-Key was already used with a different request; use a new key for a new request.");
    }

    private void Remember(ManualRequestRecord record, DateTimeOffset now)
    {
        Customer.ManualRequests.RemoveAll(r => now - r.At > RequestMemory);
        Customer.ManualRequests.Add(record);
        if (Customer.ManualRequests.Count > MaxRememberedRequests)
        {
            Customer.ManualRequests.RemoveRange(0, Customer.ManualRequests.Count - MaxRememberedRequests);
        }
    }
}
