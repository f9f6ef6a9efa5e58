using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace InfoFloPay.IntegrationTests.Notifications;

/// <summary>
/// Stands in for ACS Email on a real socket: checks each request the way the service does — the HMAC signature
/// recomputed from scratch over what arrived, the body hash, the JSON shape of <c>emails:send</c> — answers 401/400
/// when they are wrong, and otherwise plays a script of responses (202 when the script is done). An accepted send is
/// an operation keyed by its <c>Operation-Id</c> ("the ID provided by the customer to identify the long running
/// operation"): a repeat of an id it has accepted is that operation again — 202 with the same Operation-Location, or
/// 409 while <see cref="RepeatsInProgress"/> — and is never <see cref="Delivered"/> twice. Repeatable-request headers,
/// when sent, are checked as ACS documents them (rest/api/communication/repeatable-requests): a repeated
/// <c>repeatability-request-id</c> whose <c>repeatability-first-sent</c> differs from the first is refused with 400.
/// </summary>
public sealed class AcsEmailServer : IAsyncDisposable
{
    private readonly byte[] _accessKey;
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> _script = new();
    private LoopbackHttpServer? _server;

    private AcsEmailServer(byte[] accessKey) => _accessKey = accessKey;

    private readonly ConcurrentDictionary<string, string> _firstSent = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, AcsEmailRequest> _operations = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<AcsEmailRequest> Requests { get; } = new();

    /// <summary>The emails actually queued for delivery: one per operation, however often it was requested.</summary>
    public ConcurrentQueue<AcsEmailRequest> Delivered { get; } = new();

    /// <summary>Answer a repeated Operation-Id with 409 (the first request still running) instead of its 202.</summary>
    public bool RepeatsInProgress { get; set; }

    public Uri Endpoint => _server!.BaseAddress;

    public string ConnectionString => $"endpoint={Endpoint};accesskey={Convert.ToBase64String(_accessKey)}";

    public static async Task<AcsEmailServer> StartAsync()
    {
        var server = new AcsEmailServer(RandomNumberGenerator.GetBytes(32));
        server._server = await LoopbackHttpServer.StartAsync(server.HandleAsync);
        return server;
    }

    /// <summary>The next attempt gets this answer instead of 202.</summary>
    public void ThenRespond(int status, string? retryAfter = null, string? errorCode = null) => _script.Enqueue(async response =>
    {
        response.StatusCode = status;
        if (retryAfter is not null)
        {
            response.Headers.RetryAfter = retryAfter;
        }

        await response.WriteAsJsonAsync(new { error = new { code = errorCode ?? $"Status{status}", message = $"scripted {status}" } });
    });

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Features.GetRequiredFeature<RecordedRequest>();
        var signatureProblem = CheckSignature(context.Request, request.RawTarget, request.BodyBytes);
        var bodyProblems = signatureProblem is null ? CheckBody(request.BodyBytes) : [];
        var recorded = new AcsEmailRequest(request, signatureProblem, bodyProblems);
        Requests.Enqueue(recorded);

        if (signatureProblem is not null)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "Denied", message = signatureProblem } });
            return;
        }

        if (bodyProblems.Count > 0)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "BadRequest", message = string.Join("; ", bodyProblems) } });
            return;
        }

        if (_script.TryDequeue(out var scripted))
        {
            await scripted(context.Response);
            return;
        }

        if (RepeatabilityProblem(context.Request) is { } repeatability)
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "InvalidRepeatableRequest", message = repeatability } });
            return;
        }

        var operationId = context.Request.Headers["Operation-Id"].ToString();
        if (operationId.Length == 0)
        {
            operationId = Guid.NewGuid().ToString();
        }

        if (!_operations.TryAdd(operationId, recorded))
        {
            if (RepeatsInProgress)
            {
                context.Response.StatusCode = 409;
                await context.Response.WriteAsJsonAsync(new { error = new { code = "Conflict", message = $"Operation {operationId} is still running." } });
                return;
            }
        }
        else
        {
            Delivered.Enqueue(recorded);
        }

        context.Response.StatusCode = 202;
        context.Response.Headers["Operation-Location"] = $"{Endpoint}emails/operations/{operationId}?api-version=2023-03-31";
        await context.Response.WriteAsJsonAsync(new { id = operationId, status = "Running" });
    }

    private string? RepeatabilityProblem(HttpRequest request)
    {
        var requestId = request.Headers["repeatability-request-id"].ToString();
        if (requestId.Length == 0)
        {
            return null;
        }

        var firstSent = request.Headers["repeatability-first-sent"].ToString();
        if (!Guid.TryParse(requestId, out _) || !DateTimeOffset.TryParseExact(firstSent, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return "repeatability-request-id must be a GUID and repeatability-first-sent an IMF-fixdate";
        }

        var first = _firstSent.GetOrAdd(requestId, firstSent);
        return first == firstSent ? null : $"repeated request {requestId} was first sent {first}, not {firstSent}";
    }

    private string? CheckSignature(HttpRequest request, string rawTarget, byte[] body)
    {
        var date = request.Headers["x-ms-date"].ToString();
        var contentHash = request.Headers["x-ms-content-sha256"].ToString();
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return $"x-ms-date '{date}' is not an RFC 1123 date";
        }

        if (contentHash != Convert.ToBase64String(SHA256.HashData(body)))
        {
            return "x-ms-content-sha256 does not match the body";
        }

        var stringToSign = $"{request.Method}\n{rawTarget}\n{date};{request.Host.Value};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_accessKey, Encoding.UTF8.GetBytes(stringToSign)));
        var expected = $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}";
        return request.Headers.Authorization.ToString() == expected ? null : "the signature does not match";
    }

    private static List<string> CheckBody(byte[] body)
    {
        var problems = new List<string>();
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException ex)
        {
            return [ex.Message];
        }

        void RequireString(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
            {
                problems.Add($"{name} must be a non-empty string");
            }
        }

        void RequireAddresses(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{name} must be an array");
                return;
            }

            foreach (var address in list.EnumerateArray())
            {
                RequireString(address, "address");
            }
        }

        RequireString(root, "senderAddress");
        if (root.TryGetProperty("content", out var content))
        {
            RequireString(content, "subject");
            RequireString(content, "plainText");
            RequireString(content, "html");
        }
        else
        {
            problems.Add("content is required");
        }

        if (root.TryGetProperty("recipients", out var recipients))
        {
            RequireAddresses(recipients, "to");
        }
        else
        {
            problems.Add("recipients is required");
        }

        if (root.TryGetProperty("replyTo", out _))
        {
            RequireAddresses(root, "replyTo");
        }

        if (root.TryGetProperty("headers", out var headers) && headers.ValueKind != JsonValueKind.Object)
        {
            problems.Add("headers must be an object");
        }

        return problems;
    }

    public async ValueTask DisposeAsync() => await _server!.DisposeAsync();
}
