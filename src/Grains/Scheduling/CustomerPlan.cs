using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Tenants;

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
    IReadOnlyList<PlannedSend> Sends)
{
    public DateTimeOffset? NextSendAt => Sends.Count == 0 ? null : Sends[0].SendAt;

    /// <summary>
    /// Plans from the customer's state, its tenant's settings and workflows and the clock.
    /// Nothing is planned for a customer whose reminders are off, suspended, or who follows no flow.
    /// </summary>
    public static CustomerPlan For(CustomerState customer, ReminderContext context, DateTimeOffset now)
    {
        var settings = SendSettingsFor(customer, context.Settings);
        var calendar = new SendCalendar(settings);
        var (flow, source) = FlowFor(customer, context);
        if (flow is null || customer.Suspension is not null)
        {
            return new CustomerPlan(null, source, null, calendar, []);
        }

        var input = new PlannerInput(
            PlannedInvoices(customer),
            flow,
            settings,
            customer.SentSteps.Select(s => new SentStep(s.InvoiceId, s.StepKey)).ToHashSet(),
            customer.LastReminderAt is { } last ? calendar.LocalDate(last) : null,
            customer.Reminders.PausedUntil,
            now);
        return new CustomerPlan(flow, source, flow.Id, calendar, ReminderPlanner.Plan(input));
    }

    /// <summary>The mode a customer follows: its own, or the tenant's default.</summary>
    public static ReminderMode EffectiveMode(CustomerState customer, TenantSettings settings) =>
        customer.Reminders.Mode ?? settings.DefaultReminderMode;

    private static (ReminderFlow? Flow, ReminderSource Source) FlowFor(CustomerState customer, ReminderContext context)
    {
        if (customer.Details is null || EffectiveMode(customer, context.Settings) != ReminderMode.Custom)
        {
            return (null, ReminderSource.Workflow);
        }

        var profile = new CustomerProfile(
            customer.Details.Tags,
            PayerBand.Unscored,
            customer.Details.PaymentMethod,
            customer.Outstanding);
        var workflow = WorkflowSelection.For(profile, customer.Reminders.WorkflowId, context.Workflows);
        return (workflow is null ? null : WorkflowSelection.ToFlow(workflow), ReminderSource.Workflow);
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
