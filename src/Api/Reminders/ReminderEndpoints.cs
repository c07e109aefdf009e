using Microsoft.AspNetCore.Http.HttpResults;
using Mimo.Api.Auth;
using Mimo.Api.Customers;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Activity;

namespace Mimo.Api.Reminders;

/// <summary>
/// A customer's reminders: <c>PUT …/reminders</c> (mode, workflow, pause), <c>GET …/schedule</c>
/// (the upcoming automatic emails, nothing sent) and <c>GET …/activity</c> (what was done and why).
/// </summary>
public static class ReminderEndpoints
{
    public static IEndpointRouteBuilder MapReminderEndpoints(this IEndpointRouteBuilder routes)
    {
        var customer = routes.MapGroup("/v1/customers/{customerId}")
            .RequireAuthorization(ApiPolicies.Tenant)
            .WithTags("Reminders");
        customer.MapPut("/reminders", SetAsync).WithSummary("Set how a customer is reminded: mode, workflow, pause");
        customer.MapGet("/schedule", ScheduleAsync).WithSummary("The upcoming automatic emails; nothing is sent");
        customer.MapGet("/activity", ActivityAsync).WithSummary("A page of the customer's reminder activity, newest first");
        return routes;
    }

    private static async Task<Results<Ok<RemindersResponse>, ValidationProblem, ProblemHttpResult>> SetAsync(
        TenantCaller caller,
        string customerId,
        ReminderSettingsRequest request,
        IGrainFactory grains)
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

        var result = await CustomerEndpoints.Customer(grains, caller, customerId).SetReminderSettingsAsync(request.ToChange());
        return result.Succeeded
            ? TypedResults.Ok(RemindersResponse.From(result.Value!))
            : Failure(result.Status, result.Field, result.Error);
    }

    private static async Task<Results<Ok<IReadOnlyList<ScheduledSendResponse>>, ValidationProblem, ProblemHttpResult>>
        ScheduleAsync(TenantCaller caller, string customerId, IGrainFactory grains)
    {
        if (!Fields.IsId(customerId))
        {
            return CustomerEndpoints.InvalidId(customerId);
        }

        var result = await CustomerEndpoints.Customer(grains, caller, customerId).GetScheduleAsync();
        return result.Succeeded
            ? TypedResults.Ok<IReadOnlyList<ScheduledSendResponse>>(result.Value!.Select(ScheduledSendResponse.From).ToList())
            : CustomerEndpoints.NoSuchCustomer();
    }

    private static async Task<Results<Ok<PageResponse<ActivityEntryResponse>>, ValidationProblem, ProblemHttpResult>>
        ActivityAsync(TenantCaller caller, string customerId, ActivityQuery query, IGrainFactory grains)
    {
        var errors = query.Validate(out var limit, out var before);
        if (!Fields.IsId(customerId))
        {
            Fields.Id(errors, "customerId", customerId);
        }

        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        if (!await CustomerEndpoints.Customer(grains, caller, customerId).ExistsAsync())
        {
            return CustomerEndpoints.NoSuchCustomer();
        }

        var page = await grains.GetGrain<IActivityLogGrain>(0).QueryAsync(caller.TenantId, customerId, limit, before);
        var next = page.NextBefore is null ? null : ActivityQuery.Encode(page.NextBefore);
        return TypedResults.Ok(new PageResponse<ActivityEntryResponse>(page.Items.Select(ActivityEntryResponse.From).ToList(), next));
    }

    private static Results<Ok<RemindersResponse>, ValidationProblem, ProblemHttpResult> Failure(
        Grains.Interfaces.Common.ResultStatus status,
        string? field,
        string? error) => status switch
        {
            Grains.Interfaces.Common.ResultStatus.Invalid => GrainOutcome.Invalid(field ?? "$", error ?? "The value is not valid."),
            _ => CustomerEndpoints.NoSuchCustomer(),
        };
}
