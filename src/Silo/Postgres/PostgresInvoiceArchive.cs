using System.Text.Json;
using Mimo.Grains.Customers;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Npgsql;
using NpgsqlTypes;
using static Mimo.Silo.Postgres.DbParameters;

namespace Mimo.Silo.Postgres;

/// <summary>Closed invoices in <c>mimo_closed_invoice</c>.</summary>
public sealed class PostgresInvoiceArchive(NpgsqlDataSource dataSource) : IInvoiceArchive
{
    private const string Columns =
        "invoice_id, number, issue_date, due_date, currency, amount, amount_paid, payment_url, status, " +
        "closed_on, hold_reason, hold_until, hold_placed_at, payments";

    private const string Upsert = $"""
        INSERT INTO mimo_closed_invoice (tenant_id, customer_id, {Columns})
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
        ON CONFLICT (tenant_id, customer_id, invoice_id) DO UPDATE
        SET number = EXCLUDED.number,
            issue_date = EXCLUDED.issue_date,
            due_date = EXCLUDED.due_date,
            currency = EXCLUDED.currency,
            amount = EXCLUDED.amount,
            amount_paid = EXCLUDED.amount_paid,
            payment_url = EXCLUDED.payment_url,
            status = EXCLUDED.status,
            closed_on = EXCLUDED.closed_on,
            hold_reason = EXCLUDED.hold_reason,
            hold_until = EXCLUDED.hold_until,
            hold_placed_at = EXCLUDED.hold_placed_at,
            payments = EXCLUDED.payments,
            archived_at = now()
        """;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(string tenantId, string customerId, InvoiceView invoice, CancellationToken cancellationToken)
    {
        var details = invoice.Details;
        await using var command = dataSource.CreateCommand(Upsert);
        command.Parameters.Add(Text(tenantId));
        command.Parameters.Add(Text(customerId));
        command.Parameters.Add(Text(invoice.Id));
        command.Parameters.Add(Text(details.Number));
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = details.IssueDate });
        command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = details.DueDate });
        command.Parameters.Add(Text(details.Currency));
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = details.Amount });
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = invoice.AmountPaid });
        command.Parameters.Add(Text(details.PaymentUrl));
        command.Parameters.Add(Text(DbEnum<InvoiceStatus>.Name(invoice.Status)));
        command.Parameters.Add(Nullable(NpgsqlDbType.Date, invoice.ClosedOn));
        command.Parameters.Add(Text(invoice.Hold is { } hold ? DbEnum<HoldReason>.Name(hold.Reason) : null));
        command.Parameters.Add(Nullable(NpgsqlDbType.Date, invoice.Hold?.Until));
        command.Parameters.Add(Nullable(NpgsqlDbType.TimestampTz, invoice.Hold?.PlacedAt.ToUniversalTime()));
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = WritePayments(invoice.Payments) });
        await ReadModelRetry.RunAsync(dataSource, () => command.ExecuteNonQueryAsync(cancellationToken));
    }

    public async Task<InvoiceView?> FindAsync(
        string tenantId,
        string customerId,
        string invoiceId,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM mimo_closed_invoice WHERE tenant_id = $1 AND customer_id = $2 AND invoice_id = $3");
        command.Parameters.Add(Text(tenantId));
        command.Parameters.Add(Text(customerId));
        command.Parameters.Add(Text(invoiceId));
        return await ReadModelRetry.RunAsync(dataSource, async () =>
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadInvoice(reader) : null;
        });
    }

    public async Task RemoveCustomerAsync(string tenantId, string customerId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM mimo_closed_invoice WHERE tenant_id = $1 AND customer_id = $2");
        command.Parameters.Add(Text(tenantId));
        command.Parameters.Add(Text(customerId));
        await ReadModelRetry.RunAsync(dataSource, () => command.ExecuteNonQueryAsync(cancellationToken));
    }

    private static InvoiceView ReadInvoice(NpgsqlDataReader reader)
    {
        var details = new InvoiceDetails(
            reader.GetString(1),
            reader.GetFieldValue<DateOnly>(2),
            reader.GetFieldValue<DateOnly>(3),
            reader.GetString(4),
            reader.GetDecimal(5),
            reader.IsDBNull(7) ? null : reader.GetString(7));
        var hold = reader.IsDBNull(10)
            ? null
            : new InvoiceHold(
                DbEnum<HoldReason>.Parse(reader.GetString(10)),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateOnly>(11),
                reader.GetFieldValue<DateTimeOffset>(12));
        return new InvoiceView(
            reader.GetString(0),
            details,
            reader.GetDecimal(6),
            0m,
            DbEnum<InvoiceStatus>.Parse(reader.GetString(8)),
            hold,
            ReadPayments(reader.GetString(13)),
            reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9));
    }

    private static string WritePayments(IReadOnlyList<PaymentDetails> payments) =>
        JsonSerializer.Serialize(payments.Select(p => new PaymentRow(p.Amount, p.PaidOn, p.Reference)), JsonOptions);

    private static IReadOnlyList<PaymentDetails> ReadPayments(string json) =>
        (JsonSerializer.Deserialize<PaymentRow[]>(json, JsonOptions) ?? [])
            .Select(p => new PaymentDetails(p.Amount, p.PaidOn, p.Reference))
            .ToList();



    private sealed record PaymentRow(decimal Amount, DateOnly PaidOn, string? Reference);
}
