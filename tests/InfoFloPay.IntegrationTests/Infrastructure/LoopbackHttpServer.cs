using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.IntegrationTests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, standing in for a service the app calls (a webhook, an email API,
/// a probed health page). It records every request as it arrived, answers all of them with one handler the test can swap,
/// and can hold requests unanswered or let the test act while a request is in flight.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TaskCompletionSource _heldRequestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile RequestDelegate _answer;
    private volatile bool _holding;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackHttpServer(WebApplication app, RequestDelegate answer)
    {
        _app = app;
        _answer = answer;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request so far, in the order they arrived, with its body as sent.</summary>
    public IReadOnlyCollection<RecordedRequest> Requests => _requests;

    /// <summary>Runs inside each request before it is answered: for a test to act while a call is in flight.</summary>
    public Action? WhileAnswering { get; set; }

    /// <summary>Completes when a request is being held by <see cref="Hold"/>.</summary>
    public Task HeldRequestArrived => _heldRequestArrived.Task;

    public static async Task<LoopbackHttpServer> StartAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackHttpServer(app, answer);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    /// <summary>The absolute URL of <paramref name="path"/> on this server.</summary>
    public string Url(string path) => new Uri(BaseAddress, path.TrimStart('/')).ToString();

    /// <summary>Every request from now on gets this answer (which finds the request's record in <c>context.Features</c>).</summary>
    public void AnswerWith(RequestDelegate answer) => _answer = answer;

    /// <summary>Requests wait, unanswered, until <see cref="Release"/> (or until the caller gives up).</summary>
    public void Hold()
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holding = true;
    }

    /// <summary>Held requests, and those after them, get the current answer.</summary>
    public void Release()
    {
        _holding = false;
        _release.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = TimeProvider.System.GetUtcNow();

        // Buffered so the answer can read the body too, byte for byte as it arrived (signatures are computed over it).
        var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        body.Position = 0;
        context.Request.Body = body;
        context.Response.RegisterForDispose(body);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path,
            context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray(),
            receivedAt);
        _requests.Enqueue(recorded);
        context.Features.Set(recorded);

        WhileAnswering?.Invoke();
        if (_holding)
        {
            var release = _release.Task;
            _heldRequestArrived.TrySetResult();
            await release.WaitAsync(context.RequestAborted);
        }

        await _answer(context);
    }
}
