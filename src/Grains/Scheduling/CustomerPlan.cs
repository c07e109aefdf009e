using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Scoring;

namespace Mimo.Grains.Scheduling;

/// <summary>
/// The automatic reminders of one customer: the flow it follows (null: none), where the flow comes
/// from, and the planned sends, earliest first.
/// </summary>
public sealed record CustomerPlan(
    ReminderFlow? Flow,
    ReminderSource Source,
    string? WorkflowId,
    SendCalendar Calendar,
    IReadOnlyList<PlannedSend> Sends,
    PayScoreReport Score)
{
    public DateTimeOffset? NextSendAt => Sends.Count == 0 ? null : Sends[0].SendAt;

    /// <summary>The band a smart customer's flow follows; null for workflows.</summary>
    public PayerBand? Band => Source == ReminderSource.Smart ? Score.Band : null;

    /// <summary>
    /// Plans from the customer's state, its tenant's settings and workflows and the clock.
    /// Nothing is planned for a customer whose reminders are off, suspended, or who follows no flow.
    /// </summary>
    public static CustomerPlan For(CustomerState customer, ReminderContext context, DateTimeOffset now)
    {
        var settings = SendSettingsFor(customer, context.Settings);
        var calendar = new SendCalendar(settings);
        var score = PayScoreCalculator.Compute(customer.PaidHistory, customer.OpenInvoices, calendar.LocalDate(now));
        var (flow, source, workflowId) = FlowFor(customer, context, score.Band);
        if (flow is null || customer.Suspension is not null)
        {
            return new CustomerPlan(null, source, null, calendar, [], score);
        }

        var input = new PlannerInput(
            PlannedInvoices(customer),
            flow,
            settings,
            customer.SentSteps.Select(s => new SentStep(s.InvoiceId, s.StepKey, s.OffsetDays)).ToHashSet(),
            customer.LastReminderAt is { } last ? calendar.LocalDate(last) : null,
            customer.Reminders.PausedUntil,
            now);
        return new CustomerPlan(flow, source, workflowId, calendar, ReminderPlanner.Plan(input), score);
    }

    /// <summary>The start of the next local day the Pay Score can change by itself, for a scored customer.</summary>
    public DateTimeOffset? ScoreChangesAt(CustomerState customer, DateTimeOffset now) =>
        PayScoreCalculator.NextChange(customer.PaidHistory, customer.OpenInvoices, Calendar.LocalDate(now)) is { } day
            ? Calendar.StartOf(day)
            : null;

    /// <summary>The mode a customer follows: its own, or the tenant's default.</summary>
    public static ReminderMode EffectiveMode(CustomerState customer, TenantSettings settings) =>
        customer.Reminders.Mode ?? settings.DefaultReminderMode;

    private static (ReminderFlow? Flow, ReminderSource Source, string? WorkflowId) FlowFor(
        CustomerState customer,
        ReminderContext context,
        PayerBand band)
    {
        var mode = EffectiveMode(customer, context.Settings);
        if (customer.Details is null || mode == ReminderMode.None)
        {
            return (null, ReminderSource.Workflow, null);
        }

        if (mode == ReminderMode.Smart)
        {
            return (SmartFlows.For(band, customer.Details.PaymentMethod, context.Settings.SmartTemplates), ReminderSource.Smart, null);
        }

        var profile = new CustomerProfile(customer.Details.Tags, band, customer.Details.PaymentMethod, customer.Outstanding);
        var workflow = WorkflowSelection.For(profile, customer.Reminders.WorkflowId, context.Workflows);
        return workflow is null
            ? (null, ReminderSource.Workflow, null)
            : (WorkflowSelection.ToFlow(workflow), ReminderSource.Workflow, workflow.Id);
    }

    private static SendSettings SendSettingsFor(CustomerState customer, TenantSettings tenant) => new(
        ZoneOrUtc(customer.Details?.TimeZone ?? tenant.TimeZone),
        tenant.SendTime,
        tenant.BusinessDays.ToHashSet(),
        tenant.MinDaysBetweenReminders);

    private static IReadOnlyList<PlannedInvoice> PlannedInvoices(CustomerState customer) =>
        customer.OpenInvoices
            .Select(i => new PlannedInvoice(
                i.Id,
                i.Details.DueDate,
                i.AmountDue,
                i.Hold?.Until,
                i.Hold is { Until: null }))
            .ToList();

    private static TimeZoneInfo ZoneOrUtc(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
