using Microsoft.AspNetCore.Http.HttpResults;
using Mimo.Api.Auth;
using Mimo.Api.Customers;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Invoices;

/// <summary>Invoices of one customer: create or replace, read, pay, void, hold.</summary>
public static class InvoiceEndpoints
{
    public static IEndpointRouteBuilder MapInvoiceEndpoints(this IEndpointRouteBuilder routes)
    {
        var invoices = routes.MapGroup("/v1/customers/{customerId}/invoices/{invoiceId}")
            .RequireAuthorization(ApiPolicies.Tenant)
            .WithTags("Invoices");
        invoices.MapPut("", UpsertAsync).WithSummary("Create or replace an open invoice");
        invoices.MapGet("", GetAsync).WithSummary("An invoice, open or closed");
        invoices.MapPost("/payments", PayAsync).WithSummary("Record a payment");
        invoices.MapPost("/void", VoidAsync).WithSummary("Void an invoice: no more reminders for it");
        invoices.MapPut("/hold", HoldAsync).WithSummary("Put an invoice on hold");
        invoices.MapDelete("/hold", LiftHoldAsync).WithSummary("Lift an invoice's hold");
        return routes;
    }

    private static async Task<Results<Ok<InvoiceResponse>, Created<InvoiceResponse>, ValidationProblem, ProblemHttpResult>>
        UpsertAsync(TenantCaller caller, string customerId, string invoiceId, InvoiceRequest request, IGrainFactory grains)
    {
        var errors = request.Validate();
        ValidateIds(errors, customerId, invoiceId);
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var result = await Customer(grains, caller, customerId).UpsertInvoiceAsync(invoiceId, request.ToDetails(invoiceId));
        return GrainOutcome.ToHttp(result, InvoiceResponse.From, Location(customerId, invoiceId));
    }

    private static async Task<Results<Ok<InvoiceResponse>, Created<InvoiceResponse>, ValidationProblem, ProblemHttpResult>>
        GetAsync(TenantCaller caller, string customerId, string invoiceId, IGrainFactory grains) =>
        await RunAsync(customerId, invoiceId, () => Customer(grains, caller, customerId).GetInvoiceAsync(invoiceId));

    private static async Task<Results<Ok<InvoiceResponse>, Created<InvoiceResponse>, ValidationProblem, ProblemHttpResult>>
        PayAsync(
            TenantCaller caller,
            string customerId,
            string invoiceId,
            PaymentRequest request,
            IGrainFactory grains,
            TimeProvider clock)
    {
        var errors = request.Validate(clock.GetUtcNow());
        ValidateIds(errors, customerId, invoiceId);
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var result = await Customer(grains, caller, customerId).RecordPaymentAsync(invoiceId, request.ToDetails());
        return GrainOutcome.ToHttp(result, InvoiceResponse.From, Location(customerId, invoiceId));
    }

    private static async Task<Results<Ok<InvoiceResponse>, Created<InvoiceResponse>, ValidationProblem, ProblemHttpResult>>
        VoidAsync(TenantCaller caller, string customerId, string invoiceId, IGrainFactory grains) =>
        await RunAsync(customerId, invoiceId, () => Customer(grains, caller, customerId).VoidInvoiceAsync(invoiceId));

    private static async Task<Results<Ok<InvoiceResponse>, Created<InvoiceResponse>, ValidationProblem, ProblemHttpResult>>
        HoldAsync(TenantCaller caller, string customerId, string invoiceId, HoldRequest request, IGrainFactory grains)
    {
        var errors = request.Validate();
        ValidateIds(errors, customerId, invoiceId);
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var customer = Customer(grains, caller, customerId);
        var result = await customer.PlaceHoldAsync(invoiceId, request.Reason!.Value, request.Until);
        return GrainOutcome.ToHttp(result, InvoiceResponse.From, Location(customerId, invoiceId));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> LiftHoldAsync(
        TenantCaller caller,
        string customerId,
        string invoiceId,
        IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        ValidateIds(errors, customerId, invoiceId);
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var result = await Customer(grains, caller, customerId).LiftHoldAsync(invoiceId);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.NoContent(),
            ResultStatus.NotFound => GrainOutcome.NotFound(result.Error ?? "There is no such invoice."),
            _ => GrainOutcome.Conflict(result.Error ?? "The hold cannot be lifted."),
        };
    }

    private static async Task<Results<Ok<InvoiceResponse>, Created<InvoiceResponse>, ValidationProblem, ProblemHttpResult>>
        RunAsync(string customerId, string invoiceId, Func<Task<GrainResult<InvoiceView>>> command)
    {
        var errors = new ValidationErrors();
        ValidateIds(errors, customerId, invoiceId);
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        return GrainOutcome.ToHttp(await command(), InvoiceResponse.From, Location(customerId, invoiceId));
    }

    private static void ValidateIds(ValidationErrors errors, string customerId, string invoiceId)
    {
        if (!Fields.IsId(customerId))
        {
            Fields.Id(errors, "customerId", customerId);
        }

        if (!Fields.IsId(invoiceId))
        {
            Fields.Id(errors, "invoiceId", invoiceId);
        }
    }

    private static ICustomerGrain Customer(IGrainFactory grains, TenantCaller caller, string customerId) =>
        CustomerEndpoints.Customer(grains, caller, customerId);

    private static string Location(string customerId, string invoiceId) =>
        $"/v1/customers/{customerId}/invoices/{invoiceId}";
}
