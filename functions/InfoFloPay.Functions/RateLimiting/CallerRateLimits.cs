using System.Globalization;
using System.Net;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.RateLimiting;

/// <summary>
/// The per-caller limits every HTTP function shares, under the Functions host and the local host alike (both run the
/// functions through <see cref="ApiEndpoint"/>): a signed-in caller is counted by email, the mail pipeline by client
/// address. Over the limit the request is answered 429 problem+json with <c>Retry-After</c> before anything is read
/// or stored.
/// </summary>
public sealed class CallerRateLimits(IOptions<RateLimitOptions> options, FixedWindowLimiter limiter, ILogger<CallerRateLimits> logger)
{
    /// <summary>429 for <paramref name="caller"/>, or null when the request may proceed.</summary>
    public ApiResult? Refuse(Caller caller, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var limits = options.Value;
        var write = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        var (kind, permits) = (caller.IsStaff, write) switch
        {
            (true, true) => ("staff writes", limits.StaffWrites),
            (true, false) => ("staff reads", limits.StaffReads),
            (false, true) => ("customer writes", limits.CustomerWrites),
            (false, false) => ("customer reads", limits.CustomerReads),
        };
        return Check($"{kind}|{caller.Email.ToLowerInvariant()}", caller.Email, kind, permits);
    }

    /// <summary>429 for the mail pipeline posting from <paramref name="request"/>'s client address, or null.</summary>
    public ApiResult? RefuseIntake(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = ClientAddress(request);
        return Check($"intake|{client}", client, "intake", options.Value.Intake);
    }

    /// <summary>429 for a beat posted to a heartbeat URL from <paramref name="request"/>'s client address, or null.
    /// Counted before the secret is looked at, so unknown secrets use up the same permits as known ones.</summary>
    public ApiResult? RefuseHeartbeat(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = ClientAddress(request);
        return Check($"heartbeats|{client}", client, "heartbeats", options.Value.Heartbeats);
    }

    /// <summary>429 for an anonymous read of a public page (the status page) from <paramref name="request"/>'s client
    /// address, or null.</summary>
    public ApiResult? RefusePublicRead(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = ClientAddress(request);
        return Check($"public reads|{client}", client, "public reads", options.Value.PublicReads);
    }

    /// <summary>
    /// The client's address: the last <c>X-Forwarded-For</c> entry — the one the platform's front end added, unlike
    /// entries a client can send itself — else the connection's peer.
    /// </summary>
    public static string ClientAddress(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forwarded = request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (forwarded.Length > 0)
        {
            var last = forwarded[^1];
            // App Service writes "203.0.113.7:51234"; IPv6 may come bracketed with a port.
            return IPEndPoint.TryParse(last, out var endpoint) ? endpoint.Address.ToString() : last;
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    private ApiResult? Check(string key, string who, string kind, int permits)
    {
        var limits = options.Value;
        if (!limits.Enabled)
        {
            return null;
        }

        var decision = limiter.TryAcquire(key, permits, limits.Window);
        if (decision.Allowed)
        {
            return null;
        }

        var retryAfter = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        if (decision.FirstRefusal)
        {
            logger.LogWarning("Rate limit reached for {Caller}: {Permits} {Kind} per {Window}; refusing for {RetryAfterSeconds} s",
                who, permits, kind, limits.Window, retryAfter);
        }

        return Problem.Result(StatusCodes.Status429TooManyRequests, "Too many requests",
                string.Create(CultureInfo.InvariantCulture, $"At most {permits} {kind} per {limits.Window.TotalSeconds:0} s; retry after {retryAfter} s."))
            .WithHeader("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture));
    }
}
