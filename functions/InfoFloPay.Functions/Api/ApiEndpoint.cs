using Azure;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Functions.Identity;
using InfoFloPay.Functions.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Api;

/// <summary>
/// What every HTTP function does around its one service call: identify the caller, hold it to its rate limit
/// (<see cref="CallerRateLimits"/>, 429), and turn refusals into
/// problem+json (storage outages into 503 with Retry-After) so functions stay parse → authorize → call → map.
/// </summary>
public sealed class ApiEndpoint(CallerResolver callers, CallerRateLimits limits, ILogger<ApiEndpoint> logger)
{
    private const int RetryAfterSeconds = 5;

    /// <summary>
    /// A storage fault after the SDK's retries: no answer (status 0) or a 5xx, a try that ran out of its
    /// <c>Storage__NetworkTimeout</c> (the SDK cancels it: a cancellation or timeout the caller did not ask for), alone
    /// or as the retries' aggregate. A cancellation because the caller went away is not an outage and is not mapped.
    /// </summary>
    private static bool StorageUnavailable(Exception ex, HttpRequest request) => ex switch
    {
        RequestFailedException failed => failed.Status is 0 or >= 500,
        TimeoutException => true,
        OperationCanceledException => !request.HttpContext.RequestAborted.IsCancellationRequested,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => StorageUnavailable(inner, request)),
        _ => false,
    };

    public Task<IActionResult> RunAsync(HttpRequest request, Func<Caller, Task<IActionResult>> handle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return RunWithoutPrincipalAsync(request, async () =>
        {
            var caller = await callers.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
            return limits.Refuse(caller, request) ?? await handle(caller).ConfigureAwait(false);
        });
    }

    /// <summary>For the endpoints the platform authorizes by function key (no user principal), e.g. email intake.</summary>
    public async Task<IActionResult> RunWithoutPrincipalAsync(HttpRequest request, Func<Task<IActionResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);
        try
        {
            // Checked here once for every route, so a malformed If-Match is a 400 even where a route would pass it on.
            _ = EntityTags.IfMatch(request);
            return await handle().ConfigureAwait(false);
        }
        catch (ApiProblemException ex)
        {
            return Problem.Result(ex.Status, ex.Title, ex.Message, ex.Errors);
        }
        catch (RequestRejectedException ex)
        {
            return ex.Kind switch
            {
                Rejection.Invalid => Problem.Result(StatusCodes.Status400BadRequest, "Invalid request", ex.Message, ex.Errors),
                Rejection.Forbidden => Problem.Result(StatusCodes.Status403Forbidden, "Forbidden", ex.Message),
                Rejection.NotFound => Problem.Result(StatusCodes.Status404NotFound, "Not found", ex.Message),
                Rejection.Conflict => Problem.Result(StatusCodes.Status409Conflict, "Conflict", ex.Message, ex.Errors),
                Rejection.Stale => Problem.Result(StatusCodes.Status412PreconditionFailed, "Precondition failed", ex.Message),
                Rejection.IdempotencyMismatch => Problem.Result(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused", ex.Message),
                _ => throw new InvalidOperationException($"Unmapped rejection {ex.Kind}.", ex),
            };
        }
        catch (Exception ex) when (StorageUnavailable(ex, request))
        {
            logger.LogError(ex, "Storage unavailable for {Method} {Path}", request.Method, request.Path);
            return Problem.Result(StatusCodes.Status503ServiceUnavailable, "Service unavailable", "Storage is unavailable; retry shortly.")
                .WithHeader("Retry-After", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
