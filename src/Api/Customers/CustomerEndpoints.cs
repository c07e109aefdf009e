using Microsoft.AspNetCore.Http.HttpResults;
using Mimo.Api.Auth;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Tenants;

namespace Mimo.Api.Customers;

/// <summary><c>/v1/customers</c>: create or replace, read, list and delete customers.</summary>
public static class CustomerEndpoints
{
    public static IEndpointRouteBuilder MapCustomerEndpoints(this IEndpointRouteBuilder routes)
    {
        var customers = routes.MapGroup("/v1/customers")
            .RequireAuthorization(ApiPolicies.Tenant)
            .WithTags("Customers");
        customers.MapPut("/{customerId}", UpsertAsync).WithSummary("Create or replace a customer");
        customers.MapGet("/{customerId}", GetAsync).WithSummary("A customer with its open invoices");
        customers.MapGet("", ListAsync).WithSummary("A page of customers, filtered by band, mode or tag");
        customers.MapDelete("/{customerId}", DeleteAsync).WithSummary("Delete a customer; its reminders stop");
        return routes;
    }

    private static async Task<Results<Ok<CustomerResponse>, Created<CustomerResponse>, ValidationProblem, ProblemHttpResult>>
        UpsertAsync(TenantCaller caller, string customerId, CustomerRequest request, IGrainFactory grains)
    {
        var errors = request.Validate();
        if (!Fields.IsId(customerId))
        {
            Fields.Id(errors, "customerId", customerId);
        }

        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var result = await Customer(grains, caller, customerId).UpsertAsync(request.ToDetails());
        return GrainOutcome.ToHttp(result, CustomerResponse.From, $"/v1/customers/{customerId}");
    }

    private static async Task<Results<Ok<CustomerResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        TenantCaller caller,
        string customerId,
        IGrainFactory grains)
    {
        if (!Fields.IsId(customerId))
        {
            return InvalidId(customerId);
        }

        var view = await Customer(grains, caller, customerId).GetAsync();
        return view is null ? NoSuchCustomer() : TypedResults.Ok(CustomerResponse.From(view));
    }

    private static async Task<Results<Ok<PageResponse<CustomerSummary>>, ValidationProblem>> ListAsync(
        TenantCaller caller,
        CustomerListQuery query,
        IGrainFactory grains)
    {
        var errors = query.Validate(out var parsed);
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var defaultMode = Grains.Interfaces.Common.ReminderMode.None;
        if (parsed.Mode is not null)
        {
            var settings = await grains.GetGrain<ITenantGrain>(caller.TenantId).GetSettingsAsync();
            defaultMode = settings?.DefaultReminderMode ?? defaultMode;
        }

        var page = await grains.GetGrain<ICustomerDirectoryGrain>(0).QueryAsync(
            caller.TenantId,
            new DirectoryQuery(parsed.Band, parsed.Mode, parsed.Tag, parsed.Limit, parsed.AfterCustomerId, defaultMode));
        var next = page.NextAfterCustomerId is null ? null : DirectoryCursor.Encode(page.NextAfterCustomerId);
        return TypedResults.Ok(new PageResponse<CustomerSummary>(page.Items, next));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        TenantCaller caller,
        string customerId,
        IGrainFactory grains)
    {
        if (!Fields.IsId(customerId))
        {
            return InvalidId(customerId);
        }

        var deleted = await Customer(grains, caller, customerId).DeleteAsync();
        return deleted ? TypedResults.NoContent() : NoSuchCustomer();
    }

    public static ICustomerGrain Customer(IGrainFactory grains, TenantCaller caller, string customerId) =>
        grains.GetGrain<ICustomerGrain>(CustomerKey.Format(caller.TenantId, customerId));

    public static ValidationProblem InvalidId(string customerId, string field = "customerId")
    {
        var errors = new ValidationErrors();
        Fields.Id(errors, field, customerId);
        return GrainOutcome.Invalid(errors);
    }

    public static ProblemHttpResult NoSuchCustomer() => GrainOutcome.NotFound("There is no such customer.");
}
