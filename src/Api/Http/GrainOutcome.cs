using Microsoft.AspNetCore.Http.HttpResults;
using Mimo.Grains.Interfaces.Common;

namespace Mimo.Api.Http;

/// <summary>Maps the outcome of a grain command onto HTTP: 200/201, 400, 404 or 409.</summary>
public static class GrainOutcome
{
    public static Results<Ok<TResponse>, Created<TResponse>, ValidationProblem, ProblemHttpResult> ToHttp<T, TResponse>(
        GrainResult<T> result,
        Func<T, TResponse> map,
        string location) => result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(map(result.Value!)),
            ResultStatus.Created => TypedResults.Created(location, map(result.Value!)),
            _ => Failure<T, TResponse>(result),
        };

    /// <summary>The answer to a POST that must create: 201, or why it did not (an id that exists is a 409).</summary>
    public static Results<Created<TResponse>, ValidationProblem, ProblemHttpResult> ToCreated<T, TResponse>(
        GrainResult<T> result,
        Func<T, TResponse> map,
        string location) => result.Status switch
        {
            ResultStatus.Created => TypedResults.Created(location, map(result.Value!)),
            ResultStatus.Invalid => Invalid(result.Field ?? "$", result.Error ?? "The value is not valid."),
            ResultStatus.NotFound => NotFound(result.Error ?? "The resource does not exist."),
            ResultStatus.Conflict => Conflict(result.Error ?? "The resource already exists."),
            _ => throw new InvalidOperationException($"{result.Status} does not answer a create."),
        };

    /// <summary>The answer to a DELETE: 204, 404, or 409 when the resource is still in use.</summary>
    public static Results<NoContent, ValidationProblem, ProblemHttpResult> ToDeleted<T>(GrainResult<T> result) =>
        result.Status switch
        {
            ResultStatus.Ok => TypedResults.NoContent(),
            ResultStatus.NotFound => NotFound(result.Error ?? "The resource does not exist."),
            _ => Conflict(result.Error ?? "The resource cannot be deleted now."),
        };

    /// <summary>The answer for a command that did not succeed.</summary>
    public static Results<Ok<TResponse>, Created<TResponse>, ValidationProblem, ProblemHttpResult> Failure<T, TResponse>(
        GrainResult<T> result) => result.Status switch
        {
            ResultStatus.Invalid => Invalid(result.Field ?? "$", result.Error ?? "The value is not valid."),
            ResultStatus.NotFound => NotFound(result.Error ?? "The resource does not exist."),
            ResultStatus.Conflict => Conflict(result.Error ?? "The request conflicts with the resource's state."),
            ResultStatus.KeyReused => KeyReused(result.Error ?? "The Idempotency-Key was used with a different request."),
            _ => throw new InvalidOperationException($"{result.Status} is not a failure."),
        };

    /// <summary>422: an Idempotency-Key sent again with a different request.</summary>
    public static ProblemHttpResult KeyReused(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused");

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(ValidationErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary());

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not Found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
