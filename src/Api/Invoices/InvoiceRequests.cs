using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Invoices;

/// <summary><c>PUT /v1/customers/{customerId}/invoices/{invoiceId}</c>; <c>number</c> defaults to the invoice id.</summary>
public sealed record InvoiceRequest(
    string? Number,
    DateOnly? IssueDate,
    DateOnly? DueDate,
    string? Currency,
    decimal? Amount,
    string? PaymentUrl)
{
    public const int MaxNumberLength = 64;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Number is not null)
        {
            Fields.Text(errors, "number", Number, MaxNumberLength);
        }

        Fields.Date(errors, "issueDate", IssueDate);
        Fields.Date(errors, "dueDate", DueDate);
        if (IssueDate is { } issued && DueDate is { } due && due < issued)
        {
            errors.Add("dueDate", "The due date must not be before the issue date.");
        }

        Fields.Currency(errors, "currency", Currency);
        Fields.Amount(errors, "amount", Amount, Currency);
        Fields.Url(errors, "paymentUrl", PaymentUrl);
        return errors;
    }

    public InvoiceDetails ToDetails(string invoiceId) =>
        new(Number?.Trim() ?? invoiceId, IssueDate!.Value, DueDate!.Value, Currency!, Amount!.Value, PaymentUrl);
}

/// <summary><c>POST …/payments</c>: a payment against one invoice.</summary>
public sealed record PaymentRequest(decimal? Amount, DateOnly? PaidOn, string? Reference)
{
    public const int MaxReferenceLength = 128;

    /// <summary>Payments may be dated at most this far ahead of today in UTC, to allow for time zones.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    public ValidationErrors Validate(DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        Fields.Amount(errors, "amount", Amount, currency: null);
        Fields.Date(errors, "paidOn", PaidOn);
        if (PaidOn is { } paidOn && paidOn > DateOnly.FromDateTime((now + FutureTolerance).UtcDateTime))
        {
            errors.Add("paidOn", "The payment date must not be in the future.");
        }

        if (Reference is not null)
        {
            Fields.Text(errors, "reference", Reference, MaxReferenceLength);
        }

        return errors;
    }

    public PaymentDetails ToDetails() => new(Amount!.Value, PaidOn!.Value, Reference?.Trim());
}

/// <summary><c>PUT …/hold</c>: stops reminders for the invoice, until a date or until lifted.</summary>
public sealed record HoldRequest(HoldReason? Reason, DateOnly? Until)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        if (Reason is null)
        {
            errors.Add("reason", "The reason is required: dispute, promise_to_pay or other.");
        }

        Fields.Date(errors, "until", Until, required: false);
        return errors;
    }
}
