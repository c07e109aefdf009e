using Mimo.Grains.Customers;
using Mimo.Grains.Email;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Grains.Delivery;

/// <summary>Builds what a template sees from a customer and the invoices an email lists.</summary>
public static class TemplateModels
{
    /// <param name="step">The step's name, or null for a manual email.</param>
    /// <param name="message">The text typed for a manual email, or null.</param>
    public static TemplateModel For(
        TenantSettings tenant,
        string customerId,
        CustomerDetails customer,
        IReadOnlyList<Invoice> invoices,
        string? step,
        string? message,
        DateOnly today)
    {
        var listed = invoices
            .OrderBy(i => i.Details.DueDate)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => new InvoiceModel(
                i.Details.Number,
                i.Details.IssueDate,
                i.Details.DueDate,
                i.Details.Amount,
                i.AmountDue,
                i.Details.Currency,
                Math.Max(0, today.DayNumber - i.Details.DueDate.DayNumber),
                i.Details.PaymentUrl))
            .ToList();
        var totals = listed
            .GroupBy(i => i.Currency, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TotalModel(g.Key, g.Sum(i => i.AmountDue)))
            .ToList();
        return new TemplateModel(
            new TenantModel(tenant.Name),
            new CustomerModel(customerId, customer.Name),
            listed,
            totals,
            step is null ? null : new StepModel(step),
            message ?? "");
    }
}
