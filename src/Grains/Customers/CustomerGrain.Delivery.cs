using Mimo.Grains.Delivery;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Email;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Templates;

namespace Mimo.Grains.Customers;

/// <summary>
/// Delivery's two calls. Right before an email goes, delivery asks for it: the stop rules are
/// checked against the current state and the email is rendered with the current amounts. After
/// the attempt, delivery reports the outcome: sent, retried later with backoff, or given up; an
/// address the mail server refused is flagged and the customer's reminders are suspended.
/// </summary>
internal sealed partial class CustomerGrain
{
    /// <summary>Emails handed to delivery and not reported yet; a second request for one of them waits its turn.</summary>
    private Dictionary<string, Delivering>? _delivering;

    public async Task<PreparedDelivery> PrepareDeliveryAsync(string messageId)
    {
        var now = clock.GetUtcNow();
        var email = Customer.FindOutbox(messageId);
        if (email is null)
        {
            return Skip("The email is no longer waiting to be sent.");
        }

        if (_delivering?.GetValueOrDefault(messageId) is { } started && now - started.Since < timing.Value.DeliveryReportTimeout)
        {
            return Skip("The email is being delivered already.");
        }

        await RefreshContextAsync();
        var decision = DeliveryDecision.Decide(Customer, email, _context.Settings, now, Today());
        var recipients = Recipients();
        var problem = decision.BlockedReason
            ?? (recipients.Count == 0 ? "No contact address can be emailed: every address was refused before." : null);
        if (problem is not null)
        {
            await DropAsync(email, ActivityKind.Skipped, problem, now);
            return Skip(problem);
        }

        var (rendered, failure) = await RenderAsync(email, decision.Invoices);
        if (rendered is null)
        {
            await DropAsync(email, ActivityKind.Failed, failure!, now);
            return Skip(failure);
        }

        var outgoing = new OutgoingEmail(messageId, Sender(), ReplyTo(), recipients, rendered.Subject, rendered.Html, rendered.Text);
        _delivering ??= new Dictionary<string, Delivering>(StringComparer.Ordinal);
        _delivering[messageId] = new Delivering(now, outgoing.Subject, recipients.Select(r => r.Address).ToList(),
            decision.Invoices.Select(i => i.Id).ToList(), decision.Dropped);
        return new PreparedDelivery(outgoing, null);
    }

    public async Task CompleteDeliveryAsync(string messageId, DeliveryOutcome outcome)
    {
        Delivering? delivering = null;
        _delivering?.Remove(messageId, out delivering);
        var email = Customer.FindOutbox(messageId);
        if (email is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        switch (outcome.Status)
        {
            case DeliveryStatus.Sent:
                RecordSent(email, delivering, outcome, now);
                break;
            case DeliveryStatus.TransientFailure:
                RetryOrGiveUp(email, outcome, now);
                break;
            default:
                Customer.Outbox.Remove(email);
                Record(now, ActivityKind.Failed, email.Source, email.InvoiceIds, email.StepName,
                    $"The mail server refused the email: {outcome.Reason}", messageId, delivering?.Subject, delivering?.To);
                metrics.ReminderFailed(_tenantId, SourceName(email.Source));
                break;
        }

        FlagRefused(outcome, now);
        var next = TakeDueForDelivery(now);
        await MoveReminderToNextAsync(now);
        await PersistAsync(now);
        await HandOverAsync(next);
    }

    private void RecordSent(OutboxEmail email, Delivering? delivering, DeliveryOutcome outcome, DateTimeOffset now)
    {
        Customer.Outbox.Remove(email);
        var refused = outcome.RejectedAddresses.Count == 0 ? null : outcome.Reason;
        Record(now, ActivityKind.Sent, email.Source, delivering?.InvoiceIds ?? email.InvoiceIds, email.StepName,
            refused, email.MessageId, delivering?.Subject, delivering?.To, email.Band);
        if (delivering is { Dropped.Count: > 0 })
        {
            var dropped = email.InvoiceIds.Except(delivering.InvoiceIds).ToList();
            Record(now, ActivityKind.Skipped, email.Source, dropped, email.StepName, string.Join(" ", delivering.Dropped));
        }

        metrics.ReminderSent(_tenantId, SourceName(email.Source));
        LogSent(logger, _tenantId, _customerId, email.MessageId, delivering?.To.Count ?? 0);
    }

    private void RetryOrGiveUp(OutboxEmail email, DeliveryOutcome outcome, DateTimeOffset now)
    {
        var attempts = email.Attempts + 1;
        var index = Customer.Outbox.IndexOf(email);
        if (RetryPolicy.DelayAfter(attempts) is { } delay)
        {
            var next = now + delay;
            Customer.Outbox[index] =
                email with { Attempts = attempts, NextAttemptAt = next, LastError = outcome.Reason, HandedOver = false };
            Record(now, ActivityKind.Retrying, email.Source, email.InvoiceIds, email.StepName,
                $"{outcome.Reason} Attempt {attempts} failed; the next is at {next:yyyy-MM-dd HH:mm} UTC.", email.MessageId);
            metrics.ReminderRetried(_tenantId, SourceName(email.Source));
            LogRetrying(logger, _tenantId, _customerId, email.MessageId, attempts, next, outcome.Reason);
            return;
        }

        Customer.Outbox.RemoveAt(index);
        Record(now, ActivityKind.Failed, email.Source, email.InvoiceIds, email.StepName,
            $"Given up after {attempts} attempts: {outcome.Reason}", email.MessageId);
        metrics.ReminderFailed(_tenantId, SourceName(email.Source));
        LogGaveUp(logger, _tenantId, _customerId, email.MessageId, attempts, outcome.Reason);
    }

    /// <summary>Refused addresses get no more email, and the customer's reminders stop until the tenant acts.</summary>
    private void FlagRefused(DeliveryOutcome outcome, DateTimeOffset now)
    {
        if (outcome.RejectedAddresses.Count == 0)
        {
            return;
        }

        var reason = outcome.Reason ?? "refused by the mail server";
        foreach (var address in outcome.RejectedAddresses.Where(a => !IsFlagged(a)))
        {
            Customer.FlaggedContacts.Add(new FlaggedContact(address, reason, now));
        }

        var first = outcome.RejectedAddresses[0];
        Customer.Suspension = new ReminderSuspension(reason, now, first);
        LogSuspended(logger, _tenantId, _customerId, first, reason);
    }

    private async Task DropAsync(OutboxEmail email, ActivityKind kind, string reason, DateTimeOffset now)
    {
        Customer.Outbox.Remove(email);
        Record(now, kind, email.Source, email.InvoiceIds, email.StepName, reason, email.MessageId);
        if (kind == ActivityKind.Skipped)
        {
            metrics.ReminderSkipped(_tenantId, SourceName(email.Source));
        }
        else
        {
            metrics.ReminderFailed(_tenantId, SourceName(email.Source));
        }

        LogDropped(logger, _tenantId, _customerId, email.MessageId, kind, reason);
        var next = TakeDueForDelivery(now);
        await MoveReminderToNextAsync(now);
        await PersistAsync(now);
        await HandOverAsync(next);
    }

    private async Task<(RenderedEmail? Email, string? Failure)> RenderAsync(OutboxEmail email, IReadOnlyList<Invoice> invoices)
    {
        var template = await FindTemplateAsync(email.TemplateId);
        if (template is null)
        {
            return (null, $"The template '{email.TemplateId}' does not exist.");
        }

        var step = email.Source == ReminderSource.Manual ? null : email.StepName;
        var model = TemplateModels.For(_context.Settings, _customerId, Customer.Details!, invoices, step, email.Message, Today());
        try
        {
            var rendered = renderer.Render($"{_tenantId}/{template.Id}@{template.Version}", template.Content, model);
            return (email.Subject is { } subject ? rendered with { Subject = HeaderText.Clean(subject) } : rendered, null);
        }
        catch (TemplateRenderException exception)
        {
            return (null, $"The template '{email.TemplateId}' could not be rendered: {exception.Message}");
        }
    }

    private async Task<MessageTemplate?> FindTemplateAsync(string templateId) =>
        SmartTemplates.IsBuiltIn(templateId)
            ? SmartTemplates.Find(templateId)
            : await GrainFactory.GetGrain<ITemplateGrain>(TemplateKey.Format(_tenantId, templateId)).GetAsync();

    private List<EmailAddress> Recipients() => Customer.Details!.Contacts
        .Where(c => !IsFlagged(c.Email))
        .Select(c => new EmailAddress(c.Email, c.Name))
        .ToList();

    private bool IsFlagged(string address) =>
        Customer.FlaggedContacts.Exists(f => string.Equals(f.Email, address, StringComparison.OrdinalIgnoreCase));

    private EmailAddress Sender() => new(_context.Settings.Sender.Email, _context.Settings.Sender.Name);

    private EmailAddress? ReplyTo() => _context.Settings.ReplyTo is { } replyTo ? new EmailAddress(replyTo) : null;

    private static PreparedDelivery Skip(string? reason) => new(null, reason);

    private static string SourceName(ReminderSource source) => source switch
    {
        ReminderSource.Smart => "smart",
        ReminderSource.Manual => "manual",
        _ => "workflow",
    };

    private sealed record Delivering(
        DateTimeOffset Since,
        string Subject,
        IReadOnlyList<string> To,
        IReadOnlyList<string> InvoiceIds,
        IReadOnlyList<string> Dropped);
}
