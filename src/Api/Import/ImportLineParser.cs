using System.Text.Json;
using Mimo.Api.Customers;
using Mimo.Api.Http;
using Mimo.Api.Invoices;

namespace Mimo.Api.Import;

/// <summary>A line that cannot be applied, and why.</summary>
public sealed record ImportRejection(int Line, string Title, Dictionary<string, string[]>? Errors = null)
    : ImportEntry(Line);

/// <summary>
/// Reads one NDJSON line into a command, with the same rules as the single-resource routes:
/// <c>customer</c> lines are the body of <c>PUT /v1/customers/{id}</c> plus <c>id</c>, and so on.
/// </summary>
public sealed class ImportLineParser(JsonSerializerOptions options, TimeProvider clock)
{
    public ImportEntry Parse(NdjsonLine line)
    {
        if (line.Content is null)
        {
            return new ImportRejection(line.Number, $"The line is longer than {RequestLimits.MaxImportLineBytes} bytes.");
        }

        try
        {
            using var document = JsonDocument.Parse(line.Content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ImportRejection(line.Number, "The line must be a JSON object.");
            }

            return Text(root, "type") switch
            {
                "customer" => Customer(line.Number, root),
                "invoice" => Invoice(line.Number, root),
                "payment" => Payment(line.Number, root),
                _ => new ImportRejection(line.Number, "The type must be customer, invoice or payment."),
            };
        }
        catch (JsonException exception)
        {
            var (field, message) = JsonErrors.Describe(exception, typeof(ImportLineExample));
            return new ImportRejection(line.Number, message, new() { [field] = [message] });
        }
    }

    private ImportEntry Customer(int line, JsonElement root)
    {
        var request = root.Deserialize<CustomerRequest>(options)!;
        var errors = request.Validate();
        var id = Text(root, "id");
        Fields.Id(errors, "id", id);
        return errors.IsEmpty ? new ImportCustomer(line, id!, request.ToDetails()) : Rejected(line, errors);
    }

    private ImportEntry Invoice(int line, JsonElement root)
    {
        var request = root.Deserialize<InvoiceRequest>(options)!;
        var errors = request.Validate();
        var (customerId, invoiceId) = (Text(root, "customerId"), Text(root, "id"));
        Fields.Id(errors, "customerId", customerId);
        Fields.Id(errors, "id", invoiceId);
        return errors.IsEmpty
            ? new ImportInvoice(line, customerId!, invoiceId!, request.ToDetails(invoiceId!))
            : Rejected(line, errors);
    }

    private ImportEntry Payment(int line, JsonElement root)
    {
        var request = root.Deserialize<PaymentRequest>(options)!;
        var errors = request.Validate(clock.GetUtcNow());
        var (customerId, invoiceId) = (Text(root, "customerId"), Text(root, "invoiceId"));
        Fields.Id(errors, "customerId", customerId);
        Fields.Id(errors, "invoiceId", invoiceId);
        return errors.IsEmpty
            ? new ImportPayment(line, customerId!, invoiceId!, request.ToDetails())
            : Rejected(line, errors);
    }

    private static ImportRejection Rejected(int line, ValidationErrors errors) =>
        new(line, errors.FirstMessage ?? "The line is not valid.", errors.ToDictionary());

    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException exception)
        {
            // A lone surrogate escape ("\ud800") or bytes that are not UTF-8 make no .NET string.
            throw new JsonException(JsonErrors.NotUnicode, $"$.{name}", null, null, exception);
        }
    }
}
