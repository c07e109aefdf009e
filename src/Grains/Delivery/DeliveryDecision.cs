using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Activity;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Tenants;
using Mimo.Grains.Scheduling;

namespace Mimo.Grains.Delivery;

/// <summary>
/// The decision, right before an email goes, of what it may still say: the stop rules are
/// checked against the customer's state at that moment, not when the email was queued.
/// </summary>
/// <param name="Invoices">The invoices the email may still list.</param>
/// <param name="Dropped">Why each invoice that was queued but may not be listed any more was dropped.</param>
/// <param name="BlockedReason">Why nothing may be sent at all; null when <paramref name="Invoices"/> is not empty.</param>
public sealed record DeliveryDecision(
    IReadOnlyList<Invoice> Invoices,
    IReadOnlyList<string> Dropped,
    string? BlockedReason)
{
    public static DeliveryDecision Decide(
        CustomerState customer,
        OutboxEmail email,
        TenantSettings settings,
        DateTimeOffset now,
        DateOnly today)
    {
        if (BlockedForCustomer(customer, email, settings, now) is { } blocked)
        {
            return new DeliveryDecision([], [], blocked);
        }

        var invoices = new List<Invoice>();
        var dropped = new List<string>();
        foreach (var invoiceId in email.InvoiceIds)
        {
            var invoice = customer.FindOpen(invoiceId);
            if (WhyDropped(invoiceId, invoice, today) is { } reason)
            {
                dropped.Add(reason);
            }
            else
            {
                invoices.Add(invoice!);
            }
        }

        return invoices.Count > 0
            ? new DeliveryDecision(invoices, dropped, null)
            : new DeliveryDecision([], dropped, string.Join("; ", dropped));
    }

    private static string? BlockedForCustomer(
        CustomerState customer,
        OutboxEmail email,
        TenantSettings settings,
        DateTimeOffset now)
    {
        if (customer.Details is null)
        {
            return "The customer was deleted.";
        }

        if (customer.Suspension is { } suspension)
        {
            return $"Reminders are suspended: {suspension.Reason}";
        }

        if (email.Source == ReminderSource.Manual)
        {
            return null;
        }

        if (CustomerPlan.EffectiveMode(customer, settings) == ReminderMode.None)
        {
            return "Automatic reminders are switched off for this customer.";
        }

        return customer.Reminders.PausedUntil is { } pausedUntil && pausedUntil > now
            ? $"Reminders are paused until {pausedUntil:yyyy-MM-dd HH:mm} UTC."
            : null;
    }

    private static string? WhyDropped(string invoiceId, Invoice? invoice, DateOnly today) => invoice switch
    {
        null => $"Invoice {invoiceId} is no longer open (paid or voided).",
        { AmountDue: <= 0 } => $"Invoice {invoiceId} has nothing left to pay.",
        _ when invoice.IsOnHold(today) => $"Invoice {invoiceId} is on hold ({Describe(invoice.Hold!.Reason)}).",
        _ => null,
    };

    private static string Describe(HoldReason reason) => reason switch
    {
        HoldReason.Dispute => "dispute",
        HoldReason.PromiseToPay => "promise to pay",
        _ => "other",
    };
}
