using Microsoft.AspNetCore.Http.HttpResults;
using Mimo.Api.Auth;
using Mimo.Api.Customers;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;

namespace Mimo.Api.Reminders;

/// <summary>
/// A customer's Pay Score: 1–100 on the PAYDEX scale, or null when unscored; the band; what it was
/// computed from; and an explanation, one sentence a line, that a person can check by hand.
/// </summary>
public sealed record PayScoreResponse(
    int? Score,
    PayerBand Band,
    int PaidInvoices,
    decimal? WeightedDaysLate,
    decimal? OnTimeShare,
    int OpenOverdueInvoices,
    IReadOnlyList<string> Explanation)
{
    public static PayScoreResponse From(PayScoreReport report) => new(
        report.Score,
        report.Band,
        report.PaidInvoices,
        report.WeightedDaysLate,
        report.OnTimeShare,
        report.OpenOverdueInvoices,
        report.Explanation);
}

/// <summary><c>GET /v1/customers/{customerId}/pay-score</c>.</summary>
public static class PayScoreEndpoints
{
    public static IEndpointRouteBuilder MapPayScoreEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/customers/{customerId}/pay-score", GetAsync)
            .RequireAuthorization(ApiPolicies.Tenant)
            .WithTags("Reminders")
            .WithSummary("The customer's Pay Score, band, inputs and explanation");
        return routes;
    }

    private static async Task<Results<Ok<PayScoreResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        TenantCaller caller,
        string customerId,
        IGrainFactory grains)
    {
        if (!Fields.IsId(customerId))
        {
            return CustomerEndpoints.InvalidId(customerId);
        }

        var result = await CustomerEndpoints.Customer(grains, caller, customerId).GetPayScoreAsync();
        return result.Succeeded ? TypedResults.Ok(PayScoreResponse.From(result.Value!)) : CustomerEndpoints.NoSuchCustomer();
    }
}
