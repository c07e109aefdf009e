using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Mimo.Api.Auth;

namespace Mimo.Api.Import;

/// <summary><c>POST /v1/import</c>: customers, invoices and payments in bulk, as NDJSON.</summary>
public static class ImportEndpoints
{
    private static readonly string[] MediaTypes = ["application/x-ndjson", "application/jsonl", "application/jsonlines"];

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/import", ImportAsync)
            .RequireAuthorization(ApiPolicies.Tenant)
            .WithTags("Import")
            .WithSummary("Import customers, invoices and payments from NDJSON, one object a line")
            .Accepts<ImportLineExample>("application/x-ndjson")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return routes;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        HttpContext context,
        TenantCaller caller,
        ImportRunner runner)
    {
        if (!IsNdjson(context.Request.ContentType))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type.",
                detail: "Send the import as application/x-ndjson: one JSON object a line.");
        }

        // An import streams: the 1 MiB limit of JSON bodies does not apply; each line is limited instead.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var report = await runner.RunAsync(caller.TenantId, context.Request.BodyReader, context.RequestAborted);
        return TypedResults.Ok(report);
    }

    private static bool IsNdjson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && MediaTypes.Contains(parsed.MediaType.Value, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// The shape of one import line, for the API reference. <c>type</c> says which fields apply:
/// <c>customer</c> takes <c>id</c> and the fields of <c>PUT /v1/customers/{id}</c>; <c>invoice</c> takes
/// <c>customerId</c>, <c>id</c> and the fields of <c>PUT …/invoices/{id}</c>; <c>payment</c> takes
/// <c>customerId</c>, <c>invoiceId</c> and the fields of <c>POST …/payments</c>.
/// </summary>
public sealed record ImportLineExample(
    string Type,
    string? Id,
    string? CustomerId,
    string? InvoiceId,
    string? Name,
    IReadOnlyList<Customers.ContactRequest>? Contacts,
    string? TimeZone,
    IReadOnlyList<string>? Tags,
    Grains.Interfaces.Common.PaymentMethod? PaymentMethod,
    string? Number,
    DateOnly? IssueDate,
    DateOnly? DueDate,
    string? Currency,
    decimal? Amount,
    string? PaymentUrl,
    DateOnly? PaidOn,
    string? Reference);
