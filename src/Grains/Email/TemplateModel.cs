namespace Mimo.Grains.Email;

/// <summary>
/// Everything a message template can see. Liquid reads it with snake_case names
/// (<c>tenant.name</c>, <c>invoices[0].amount_due</c>, <c>step.name</c>, <c>message</c>) and
/// nothing else is reachable from a template.
/// </summary>
/// <param name="Step">The reminder step, or null for a manual send.</param>
/// <param name="Message">The text typed for a manual send; empty otherwise.</param>
public sealed record TemplateModel(
    TenantModel Tenant,
    CustomerModel Customer,
    IReadOnlyList<InvoiceModel> Invoices,
    IReadOnlyList<TotalModel> Totals,
    StepModel? Step,
    string Message);

public sealed record TenantModel(string Name);

public sealed record CustomerModel(string Id, string Name);

/// <summary>One invoice listed in an email. Amounts are in <paramref name="Currency"/>.</summary>
/// <param name="AmountDue">What is still owed: the amount less the payments received.</param>
/// <param name="PaymentUrl">Where the customer can pay; null when the tenant gave none.</param>
public sealed record InvoiceModel(
    string Number,
    DateOnly IssueDate,
    DateOnly DueDate,
    decimal Amount,
    decimal AmountDue,
    string Currency,
    int DaysOverdue,
    string? PaymentUrl);

/// <summary>The sum owed over the listed invoices in one currency.</summary>
public sealed record TotalModel(string Currency, decimal AmountDue);

public sealed record StepModel(string Name);
