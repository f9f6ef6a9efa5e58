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
/// when they are wrong, and otherwise plays a script of responses (202 when the script is done).
/// </summary>
public sealed class AcsEmailServer : IAsyncDisposable
{
    private readonly byte[] _accessKey;
    private readonly ConcurrentQueue<Func<HttpResponse, Task>> _script = new();
    private LoopbackHttpServer? _server;

    private AcsEmailServer(byte[] accessKey) => _accessKey = accessKey;

    public ConcurrentQueue<AcsEmailRequest> Requests { get; } = new();

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
        Requests.Enqueue(new AcsEmailRequest(request, signatureProblem, bodyProblems));

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

        var operationId = context.Request.Headers["Operation-Id"].ToString();
        context.Response.StatusCode = 202;
        context.Response.Headers["Operation-Location"] = $"{Endpoint}emails/operations/{operationId}?api-version=2023-03-31";
        await context.Response.WriteAsJsonAsync(new { id = operationId, status = "Running" });
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
