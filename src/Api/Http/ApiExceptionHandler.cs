using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Mimo.Api.Http;

/// <summary>
/// Turns every exception that reaches the edge into a ProblemDetails answer: unreadable bodies
/// into 400 (naming the field), too-large bodies into 413, the wrong content type into 415, an
/// unreachable cluster or database into 503 with Retry-After, and anything else into a logged 500.
/// </summary>
internal sealed partial class ApiExceptionHandler(
    IProblemDetailsService problemDetails,
    ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken)
    {
        var problem = Describe(httpContext, exception);
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails Describe(HttpContext httpContext, Exception exception)
    {
        if (exception is BadHttpRequestException badRequest)
        {
            var bodyLimit = RequestLimits.MaxBodyBytes(Endpoint(httpContext));
            return DescribeBadRequest(badRequest, RequestType(httpContext), bodyLimit);
        }

        if (ServiceUnavailable.Is(exception))
        {
            LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name,
                exception.Message);
            var seconds = (int)ServiceUnavailable.RetryAfter.TotalSeconds;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is temporarily unavailable.",
                Detail = $"The cluster or the database cannot be reached right now. Retry the request in {seconds} s.",
            };
        }

        LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        return new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
            Detail = "The error was logged. If it persists, report it with the time of the request.",
        };
    }

    private static ProblemDetails DescribeBadRequest(
        BadHttpRequestException exception,
        Type? requestType,
        long bodyLimit) =>
        exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = $"The body of this request is limited to {bodyLimit / 1024 / 1024} MiB.",
            },
            StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "Unsupported media type.",
                Detail = "Send the body as application/json.",
            },
            _ when exception.InnerException is JsonException json => JsonProblem(json, requestType),
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
                Detail = exception.Message,
            },
        };

    /// <summary>
    /// The type the endpoint reads its JSON body as, to say what a field expects (the endpoint is
    /// cleared from the context before exception handlers run; the feature keeps it).
    /// </summary>
    private static Type? RequestType(HttpContext httpContext) =>
        Endpoint(httpContext)?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    private static Endpoint? Endpoint(HttpContext httpContext) =>
        httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;

    private static HttpValidationProblemDetails JsonProblem(JsonException exception, Type? requestType)
    {
        var (field, message) = JsonErrors.Describe(exception, requestType);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        };
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{Method} {Path} answered 503: the cluster or database is unavailable ({ExceptionType}: {Reason})")]
    private static partial void LogUnavailable(
        ILogger logger,
        string method,
        PathString path,
        string exceptionType,
        string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);
}
