using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Bench;

/// <summary>
/// ACS Email's send contract on a loopback port: <c>POST /emails:send</c> with a valid HMAC signature and content hash
/// answers 202 with an Operation-Location, anything else 401. The app's real <c>AcsEmailSender</c> sends to it, so every
/// notification email crosses a real HTTP boundary; nothing is delivered.
/// </summary>
public sealed class AcsContractServer : IAsyncDisposable
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private WebApplication? _app;
    private long _accepted;
    private long _refused;

    public Uri Endpoint { get; private set; } = null!;

    public string ConnectionString => $"endpoint={Endpoint};accesskey={Convert.ToBase64String(_key)}";

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Refused => Interlocked.Read(ref _refused);

    public static async Task<AcsContractServer> StartAsync()
    {
        var server = new AcsContractServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server._app = builder.Build();
        server._app.MapPost("/emails:send", (Func<HttpContext, Task<IResult>>)server.SendAsync);
        await server._app.StartAsync();
        server.Endpoint = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return server;
    }

    private async Task<IResult> SendAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = context.Request;
        var date = request.Headers["x-ms-date"].ToString();
        var contentHash = request.Headers["x-ms-content-sha256"].ToString();
        var target = request.Path + request.QueryString;
        var stringToSign = $"{request.Method}\n{target}\n{date};{request.Host.Value};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
        var signed = contentHash == Convert.ToBase64String(SHA256.HashData(body.ToArray()))
            && request.Headers.Authorization.ToString() == $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}";
        if (!signed)
        {
            Interlocked.Increment(ref _refused);
            return Results.Json(new { error = new { code = "Denied", message = "the signature does not match" } }, statusCode: 401);
        }

        Interlocked.Increment(ref _accepted);
        var operationId = request.Headers["Operation-Id"].ToString() is { Length: > 0 } id ? id : Guid.NewGuid().ToString();
        context.Response.Headers["Operation-Location"] = string.Create(CultureInfo.InvariantCulture, $"{Endpoint}emails/operations/{operationId}?api-version=2023-03-31");
        return Results.Json(new { id = operationId, status = "Running" }, statusCode: 202);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
