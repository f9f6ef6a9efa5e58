using Azure;
using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>RFC 9457 problem responses for the monitoring API.</summary>
internal static class MonitoringProblems
{
    private const string ContentType = "application/problem+json";

    public static IActionResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        Problem(new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
        {
            Type = "https://infoflopay.example/problems/validation",
            Title = "The target is not valid.",
            Status = StatusCodes.Status400BadRequest,
            Detail = "Fix the fields named in errors; nothing was stored.",
        });

    public static IActionResult Unauthorized() =>
        Simple(StatusCodes.Status401Unauthorized, "unauthenticated", "Sign in first.", "No client principal came with the request.");

    public static IActionResult Forbidden(string detail) =>
        Simple(StatusCodes.Status403Forbidden, "forbidden", "Not allowed.", detail);

    public static IActionResult NotFound(string name) =>
        Simple(StatusCodes.Status404NotFound, "not-found", "No such target.", $"There is no monitoring target named '{name}'.");

    /// <summary>Runs <paramref name="action"/>: a refused request body becomes its problem, and storage that cannot be
    /// reached 503 with Retry-After.</summary>
    public static async Task<IActionResult> WhenStorageAvailableAsync(HttpRequest request, Func<Task<IActionResult>> action)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (ApiProblemException ex)
        {
            return Api.Problem.Result(ex.Status, ex.Title, ex.Message, ex.Errors);
        }
        catch (RequestFailedException ex) when (ex.Status is 0 or >= 500)
        {
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return Simple(StatusCodes.Status503ServiceUnavailable, "storage-unavailable", "Storage is unavailable.", "Try again shortly.");
        }
    }

    private static ObjectResult Simple(int status, string type, string title, string detail) => Problem(new ProblemDetails
    {
        Type = "https://infoflopay.example/problems/" + type,
        Title = title,
        Status = status,
        Detail = detail,
    });

    private static ObjectResult Problem(ProblemDetails problem)
    {
        var result = new ObjectResult(problem) { StatusCode = problem.Status };
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
