using Mimo.Grains.Delivery;
using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Email;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Scheduling;
using Mimo.Grains.Telemetry;
using Mimo.Grains.Tenants;

namespace Mimo.Grains.Customers;

/// <summary>
/// Scheduling. The customer keeps one Orleans reminder, due at its next planned send or outbox
/// retry. A tick re-plans from the current state: sends that are due go into the outbox (their
/// steps count as sent from then on) and are handed to delivery after the state is written, so a
/// repeated or late tick sends nothing twice and a skipped one loses nothing. The reminder's period
/// makes it tick again within minutes when a tick was missed or failed.
/// </summary>
internal sealed partial class CustomerGrain : IRemindable
{
    public const string ReminderName = "next-send";

    /// <summary>
    /// The shortest due time a reminder is registered with. Orleans works out a reminder's first
    /// tick when the silo's local timer for it starts, a moment after the registration, and a first
    /// tick that is already past by then is skipped for the next period: a send due now, registered
    /// with no due time, would go out one period (five minutes) late.
    /// </summary>
    public static readonly TimeSpan MinimumDueTime = TimeSpan.FromSeconds(5);

    private ReminderContext _context = null!;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        using var tick = MimoActivities.StartReminderTick(_tenantId, _customerId);
        await RefreshContextAsync();
        var now = clock.GetUtcNow();
        if (!Customer.Exists)
        {
            await CancelReminderAsync();
            return;
        }

        var queued = QueueDueSends(now);
        var handOver = TakeDueForDelivery(now);
        var previousDue = Customer.ReminderDueAt;
        if (handOver.Count == 0)
        {
            await MoveReminderAsync(NextDueAt(now), now);
        }

        // While emails are with delivery the reminder stays as it is: its period brings a tick within
        // minutes should no report come, and the report moves it to the next send.
        if (queued || handOver.Count > 0 || previousDue != Customer.ReminderDueAt)
        {
            await WriteAsync(state.WriteStateAsync);
            await PublishAsync();
        }

        await HandOverAsync(handOver);
    }

    public async Task<GrainResult<ReminderSettingsView>> SetReminderSettingsAsync(ReminderSettingsChange change)
    {
        if (!Customer.Exists)
        {
            return CustomerNotFound<ReminderSettingsView>();
        }

        await RefreshContextAsync();
        if (ValidateSettings(change) is { } invalid)
        {
            return invalid;
        }

        Customer.Reminders = new CustomerReminderSettings(change.Mode, change.WorkflowId, change.PausedUntil);
        Customer.Suspension = null;
        await SaveAsync(clock.GetUtcNow());

        LogRemindersSet(logger, _tenantId, _customerId, change.Mode, change.WorkflowId);
        return GrainResult<ReminderSettingsView>.Ok(ReminderView());
    }

    public async Task<GrainResult<IReadOnlyList<ScheduledSend>>> GetScheduleAsync()
    {
        if (!Customer.Exists)
        {
            return CustomerNotFound<IReadOnlyList<ScheduledSend>>();
        }

        await RefreshContextAsync();
        var plan = Plan(clock.GetUtcNow());
        var retries = Customer.Outbox
            .OrderBy(e => e.NextAttemptAt)
            .Select(e => new ScheduledSend(
                e.NextAttemptAt, e.InvoiceIds, e.StepName, e.TemplateId, e.Source, e.WorkflowId, OutboxStatus(e)));
        var planned = plan.Sends
            .Select(s => new ScheduledSend(s.SendAt, s.InvoiceIds, s.StepName, s.TemplateId, plan.Source, plan.WorkflowId));
        return GrainResult<IReadOnlyList<ScheduledSend>>.Ok(retries.Concat(planned).ToList());
    }

    public async Task ReplanAsync()
    {
        await RefreshContextAsync();
        if (!Customer.Exists)
        {
            return;
        }

        var previousDue = Customer.ReminderDueAt;
        await BringReminderForwardAsync(clock.GetUtcNow());
        if (previousDue != Customer.ReminderDueAt)
        {
            await WriteAsync(state.WriteStateAsync);
        }

        await PublishAsync();
    }

    private static ScheduledSendStatus OutboxStatus(OutboxEmail email) => email switch
    {
        { HandedOver: true } => ScheduledSendStatus.Delivering,
        { Attempts: > 0 } => ScheduledSendStatus.Retrying,
        _ => ScheduledSendStatus.Queued,
    };

    private GrainResult<ReminderSettingsView>? ValidateSettings(ReminderSettingsChange change)
    {
        if (change.WorkflowId is null)
        {
            return null;
        }

        if (change.Mode != ReminderMode.Custom)
        {
            return GrainResult<ReminderSettingsView>.Invalid("workflowId", "A workflow can only be named with mode 'custom'.");
        }

        return _context.Workflows.Any(w => w.Id == change.WorkflowId)
            ? null
            : GrainResult<ReminderSettingsView>.Invalid("workflowId", $"There is no workflow '{change.WorkflowId}'.");
    }

    private CustomerPlan Plan(DateTimeOffset now) => CustomerPlan.For(Customer, _context, now);

    /// <summary>
    /// The next instant the customer has something to do: a planned send, an outbox (re)delivery,
    /// or a day its Pay Score changes by itself (so that its band in the directory stays current).
    /// </summary>
    private DateTimeOffset? NextDueAt(DateTimeOffset now)
    {
        var plan = Plan(now);
        DateTimeOffset?[] candidates =
        [
            plan.NextSendAt,
            OutboxDueAt,
            plan.ScoreChangesAt(Customer, now),
        ];
        return candidates.Where(c => c is not null).Min();
    }

    /// <summary>The next reminder email: planned or waiting in the outbox.</summary>
    private DateTimeOffset? NextReminderAt(DateTimeOffset now)
    {
        if (!Customer.Exists)
        {
            return null;
        }

        var planned = Plan(now).NextSendAt;
        var outbox = OutboxDueAt;
        return planned is null || (outbox is not null && outbox < planned) ? outbox : planned;
    }

    /// <summary>Moves the Orleans reminder to exactly the next instant the customer has something to do.</summary>
    private async Task MoveReminderToNextAsync(DateTimeOffset now)
    {
        var next = NextDueAt(now);
        if (next != Customer.ReminderDueAt)
        {
            await MoveReminderAsync(next, now);
        }
    }

    /// <summary>Moves the Orleans reminder when the plan needs it earlier than it is registered.</summary>
    private async Task BringReminderForwardAsync(DateTimeOffset now)
    {
        if (NextDueAt(now) is { } due && (Customer.ReminderDueAt is null || due < Customer.ReminderDueAt))
        {
            await MoveReminderAsync(due, now);
        }
    }

    private async Task MoveReminderAsync(DateTimeOffset? due, DateTimeOffset now)
    {
        if (due is null)
        {
            await CancelReminderAsync();
            return;
        }

        var dueTime = due.Value - now > MinimumDueTime ? due.Value - now : MinimumDueTime;
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, timing.Value.ReminderPeriod);
        Customer.ReminderDueAt = due;
    }

    private async Task CancelReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        Customer.ReminderDueAt = null;
    }

    /// <summary>
    /// Puts the sends that are due now into the outbox. Their steps count as sent from this moment,
    /// so no later tick plans them again, whatever happens to the delivery.
    /// </summary>
    private bool QueueDueSends(DateTimeOffset now)
    {
        var plan = Plan(now);
        var queued = false;
        foreach (var send in plan.Sends.TakeWhile(s => s.SendAt <= now))
        {
            var items = send.Items.Select(i => new OutboxItem(i.InvoiceId, i.Occurrence.Key)).ToList();
            var messageId = MessageIds.For(_tenantId, _customerId, items);
            if (Customer.FindOutbox(messageId) is not null)
            {
                continue;
            }

            Customer.Outbox.Add(new OutboxEmail(
                messageId, plan.Source, items, send.StepName, send.TemplateId, plan.WorkflowId, now, 0, now, Band: plan.Band));
            Customer.SentSteps.AddRange(send.Items.Select(i => new SentStepRecord(i.InvoiceId, i.Occurrence.Key, i.Occurrence.OffsetDays)));
            Customer.LastReminderAt = now;
            RecordSuperseded(send, plan, now);
            metrics.ReminderPlanned(_tenantId, SourceName(plan.Source));
            LogQueued(logger, _tenantId, _customerId, messageId, send.StepName, items.Count);
            queued = true;
        }

        return queued;
    }

    /// <summary>Earlier steps that fell due unsent (after a gap) are skipped for the latest one, and logged so.</summary>
    private void RecordSuperseded(PlannedSend send, CustomerPlan plan, DateTimeOffset now)
    {
        foreach (var item in send.Items.Where(i => i.Superseded.Count > 0))
        {
            var skipped = string.Join("', '", item.Superseded.Select(o => o.Name));
            Record(now, ActivityKind.Skipped, plan.Source, [item.InvoiceId], send.StepName,
                $"Step '{skipped}' was not sent on time; only the latest due step '{item.Occurrence.Name}' is sent.",
                band: plan.Band);
        }
    }

    /// <summary>
    /// The outbox email whose time to (re)deliver has come, if any. Only the oldest email of the
    /// outbox goes to delivery, and the next only once it has left: a customer's emails arrive in
    /// the order they were decided, however long a mail server outage held them back. The email
    /// handed over is given a report deadline: if delivery has not reported by then (a silo stopped
    /// mid-way), it is handed over again.
    /// </summary>
    private List<string> TakeDueForDelivery(DateTimeOffset now)
    {
        if (Customer.Outbox.Count == 0 || Customer.Outbox[0] is not { } head || head.NextAttemptAt > now)
        {
            return [];
        }

        Customer.Outbox[0] = head with { NextAttemptAt = now + timing.Value.DeliveryReportTimeout, HandedOver = true };
        return [head.MessageId];
    }

    /// <summary>When the oldest outbox email is next due for delivery; the others wait behind it.</summary>
    private DateTimeOffset? OutboxDueAt => Customer.Outbox.Count == 0 ? null : Customer.Outbox[0].NextAttemptAt;

    private async Task HandOverAsync(IEnumerable<string> messageIds)
    {
        var delivery = GrainFactory.GetGrain<IEmailDeliveryGrain>(0);
        foreach (var messageId in messageIds)
        {
            await delivery.EnqueueAsync(new DeliveryRequest(_tenantId, _customerId, messageId));
        }
    }

    private async Task RefreshContextAsync() =>
        _context = await GrainFactory.GetGrain<ITenantGrain>(_tenantId).GetReminderContextAsync()
            ?? new ReminderContext(TenantDefaults.For(_tenantId, NoTenant, clock.GetUtcNow()), [], 0);

    private void Record(
        DateTimeOffset now,
        ActivityKind kind,
        ReminderSource source,
        IReadOnlyList<string> invoiceIds,
        string? step,
        string? reason,
        string? messageId = null,
        string? subject = null,
        IReadOnlyList<string>? to = null,
        PayerBand? band = null) =>
        Customer.PendingActivity.Add(new ActivityEntry(
            Guid.CreateVersion7(now), now, kind, source, invoiceIds, subject, to ?? [], messageId, reason, step, band));

    /// <summary>The tenant of a customer whose tenant does not exist: no reminders, UTC.</summary>
    private static readonly NewTenant NoTenant = new("", "UTC", new Sender("", "invalid@invalid.invalid"));
}
