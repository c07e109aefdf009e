using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Mimo.Api.Auth;
using Mimo.Api.Customers;
using Mimo.Api.Http;
using Mimo.Grains.Interfaces.Common;
using Mimo.Grains.Interfaces.Customers;
using Mimo.Grains.Interfaces.Templates;
using Mimo.Grains.Templates;

namespace Mimo.Api.Reminders;

/// <summary>
/// Manual reminders: <c>POST …/reminders/send</c> (one customer, now), <c>POST /v1/reminders/batch</c>
/// (up to 1,000 customers, one email each) and <c>POST /v1/reminders/preview</c> (the email a send
/// would deliver, nothing sent). Both sends honour an Idempotency-Key.
/// </summary>
public static class ManualReminderEndpoints
{
    public static IEndpointRouteBuilder MapManualReminderEndpoints(this IEndpointRouteBuilder routes)
    {
        var reminders = routes.MapGroup("/v1")
            .RequireAuthorization(ApiPolicies.Tenant)
            .WithTags("Reminders");
        reminders.MapPost("/customers/{customerId}/reminders/send", SendAsync)
            .WithSummary("Send one manual reminder now: the chosen open invoices, or all of them, in one email")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        reminders.MapPost("/reminders/batch", BatchAsync)
            .WithSummary("Send manual reminders to up to 1,000 customers, one individual email each")
            .WithMetadata(new RequestSizeLimitAttribute(ManualBatchRequest.MaxBodyBytes))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        reminders.MapPost("/reminders/preview", PreviewAsync)
            .WithSummary("The email a manual send would deliver now; nothing is sent")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Results<Accepted<ManualSendResponse>, ValidationProblem, ProblemHttpResult>> SendAsync(
        TenantCaller caller,
        string customerId,
        ManualSendRequest request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        IGrainFactory grains)
    {
        var errors = request.Validate();
        if (!Fields.IsId(customerId))
        {
            Fields.Id(errors, "customerId", customerId);
        }

        IdempotencyKeys.Validate(errors, idempotencyKey);
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var reminder = request.ToReminder();
        var manualRequest = ManualRequests.ForSend(idempotencyKey, customerId, reminder);
        if (await KeyUsedForAnotherRequestAsync(grains, caller, idempotencyKey, manualRequest.Fingerprint))
        {
            return KeyReused();
        }

        var customer = CustomerEndpoints.Customer(grains, caller, customerId);
        var result = await customer.SendManualAsync(reminder, manualRequest);
        return result.Succeeded
            ? TypedResults.Accepted((string?)null, ManualSendResponse.From(result.Value!))
            : Failure<Accepted<ManualSendResponse>>(result.Status, result.Field, result.Error);
    }

    private static async Task<Results<Ok<ManualBatchResponse>, ValidationProblem, ProblemHttpResult>> BatchAsync(
        TenantCaller caller,
        ManualBatchRequest request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ManualBatchSender sender,
        IGrainFactory grains)
    {
        var errors = request.Validate();
        IdempotencyKeys.Validate(errors, idempotencyKey);
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        // A missing template would refuse every customer of the batch: say so once instead.
        var templateId = request.TemplateId ?? DefaultTemplate.Id;
        var template = grains.GetGrain<ITemplateGrain>(TemplateKey.Format(caller.TenantId, templateId));
        if (await template.GetAsync() is null)
        {
            return GrainOutcome.Invalid("templateId", $"There is no template '{templateId}'.");
        }

        var fingerprint = ManualRequests.BatchFingerprint(request);
        if (await KeyUsedForAnotherRequestAsync(grains, caller, idempotencyKey, fingerprint))
        {
            return KeyReused();
        }

        var results = await sender.SendAsync(caller.TenantId, request, idempotencyKey);
        return TypedResults.Ok(new ManualBatchResponse(results));
    }

    private static async Task<Results<Ok<ManualPreviewResponse>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        TenantCaller caller,
        ManualPreviewRequest request,
        IGrainFactory grains)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return GrainOutcome.Invalid(errors);
        }

        var customer = CustomerEndpoints.Customer(grains, caller, request.CustomerId!);
        var result = await customer.PreviewManualAsync(request.ToSend().ToReminder());
        return result.Succeeded
            ? TypedResults.Ok(ManualPreviewResponse.Of(result.Value!))
            : Failure<Ok<ManualPreviewResponse>>(result.Status, result.Field, result.Error);
    }

    /// <summary>Why a send or preview was refused: 400 naming the field, 404, 409 or 422.</summary>
    private static Results<TSuccess, ValidationProblem, ProblemHttpResult> Failure<TSuccess>(
        ResultStatus status,
        string? field,
        string? error)
        where TSuccess : IResult => status switch
        {
            ResultStatus.Invalid => GrainOutcome.Invalid(field ?? "$", error ?? "The value is not valid."),
            ResultStatus.NotFound => CustomerEndpoints.NoSuchCustomer(),
            ResultStatus.KeyReused => KeyReused(),
            _ => GrainOutcome.Conflict(error ?? "The customer has nothing that can be reminded of now."),
        };

    private static async Task<bool> KeyUsedForAnotherRequestAsync(
        IGrainFactory grains,
        TenantCaller caller,
        string? idempotencyKey,
        string fingerprint) =>
        idempotencyKey is not null
        && await ManualRequests.ClaimAsync(grains, caller.TenantId, idempotencyKey, fingerprint) == KeyClaim.Different;

    private static ProblemHttpResult KeyReused() => GrainOutcome.KeyReused(
        "This Idempotency-Key was already used with a different request; use a new key for a new request.");
}
