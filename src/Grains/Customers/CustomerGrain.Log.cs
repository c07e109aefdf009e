using Microsoft.Extensions.Logging;
using Mimo.Grains.Interfaces.Common;

namespace Mimo.Grains.Customers;

internal sealed partial class CustomerGrain
{
    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "Customer {TenantId}/{CustomerId} saved (created: {Created})")]
    private static partial void LogCustomerSaved(ILogger logger, string tenantId, string customerId, bool created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {TenantId}/{CustomerId} deleted")]
    private static partial void LogCustomerDeleted(ILogger logger, string tenantId, string customerId);

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "Invoice {InvoiceId} of customer {TenantId}/{CustomerId} closed as {Status}")]
    private static partial void LogInvoiceClosed(
        ILogger logger,
        string tenantId,
        string customerId,
        string invoiceId,
        InvoiceStatus status);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The directory row of customer {TenantId}/{CustomerId} could not be updated; retrying in {Seconds} s")]
    private static partial void LogPublishFailed(
        ILogger logger,
        Exception exception,
        string tenantId,
        string customerId,
        double seconds);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Reminders of customer {TenantId}/{CustomerId} set: mode {Mode}, workflow {WorkflowId}")]
    private static partial void LogRemindersSet(
        ILogger logger,
        string tenantId,
        string customerId,
        ReminderMode? mode,
        string? workflowId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Reminder {MessageId} of customer {TenantId}/{CustomerId} queued: step {Step}, {InvoiceCount} invoice(s)")]
    private static partial void LogQueued(
        ILogger logger,
        string tenantId,
        string customerId,
        string messageId,
        string step,
        int invoiceCount);
}
