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

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Reminder {MessageId} of customer {TenantId}/{CustomerId} sent to {RecipientCount} recipient(s)")]
    private static partial void LogSent(ILogger logger, string tenantId, string customerId, string messageId, int recipientCount);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Reminder {MessageId} of customer {TenantId}/{CustomerId} failed (attempt {Attempt}); retrying at {NextAttemptAt}: {Reason}")]
    private static partial void LogRetrying(
        ILogger logger,
        string tenantId,
        string customerId,
        string messageId,
        int attempt,
        DateTimeOffset nextAttemptAt,
        string? reason);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Reminder {MessageId} of customer {TenantId}/{CustomerId} given up after {Attempts} attempts: {Reason}")]
    private static partial void LogGaveUp(
        ILogger logger,
        string tenantId,
        string customerId,
        string messageId,
        int attempts,
        string? reason);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Reminder {MessageId} of customer {TenantId}/{CustomerId} not sent ({Kind}): {Reason}")]
    private static partial void LogDropped(
        ILogger logger,
        string tenantId,
        string customerId,
        string messageId,
        Mimo.Grains.Interfaces.Activity.ActivityKind kind,
        string reason);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Reminders of customer {TenantId}/{CustomerId} suspended: the mail server refused {Address}: {Reason}")]
    private static partial void LogSuspended(ILogger logger, string tenantId, string customerId, string address, string reason);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Manual reminder {MessageId} of customer {TenantId}/{CustomerId} queued: {InvoiceCount} invoice(s)")]
    private static partial void LogManualQueued(ILogger logger, string tenantId, string customerId, string messageId, int invoiceCount);
}
