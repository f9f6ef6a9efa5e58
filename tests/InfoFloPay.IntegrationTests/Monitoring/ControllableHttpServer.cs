using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>A real Kestrel server on 127.0.0.1 whose <c>/health</c> is healthy, failing, degraded or hanging on command.</summary>
internal sealed class ControllableHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _hungRequestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile Behaviour _behaviour = Behaviour.Healthy;
    private volatile int _status = StatusCodes.Status200OK;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ControllableHttpServer(WebApplication app) => _app = app;

    private enum Behaviour
    {
        Healthy,
        Failing,
        Degraded,
        Hanging,
        Status,
    }

    public string HealthUrl => _app.Urls.Single().TrimEnd('/') + "/health";

    public static async Task<ControllableHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ControllableHttpServer(app);
        app.MapGet("/health", (Delegate)server.AnswerAsync);
        await app.StartAsync();
        return server;
    }

    public void Fail() => _behaviour = Behaviour.Failing;

    public void Degrade() => _behaviour = Behaviour.Degraded;

    /// <summary>Answers every request with <paramref name="status"/> (a redirect points at the healthy page).</summary>
    public void AnswerWith(int status)
    {
        _status = status;
        _behaviour = Behaviour.Status;
    }

    /// <summary>Runs inside each request before it is answered: for a test to act while a probe is in flight.</summary>
    public Action? WhileAnswering { get; set; }

    /// <summary>Requests wait, unanswered, until <see cref="Recover"/> (or until the caller gives up).</summary>
    public void Hang()
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _behaviour = Behaviour.Hanging;
    }

    /// <summary>Completes when a request is being held by <see cref="Hang"/>.</summary>
    public Task HungRequestArrived => _hungRequestArrived.Task;

    public void Recover()
    {
        _behaviour = Behaviour.Healthy;
        _release.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        WhileAnswering?.Invoke();
        switch (_behaviour)
        {
            case Behaviour.Status:
                context.Response.Headers.Location = "/health";
                return Results.StatusCode(_status);
            case Behaviour.Failing:
                return Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable);
            case Behaviour.Degraded:
                return Results.Text("status: degraded");
            case Behaviour.Hanging:
                var release = _release.Task;
                _hungRequestArrived.TrySetResult();
                await release.WaitAsync(context.RequestAborted);
                return Results.Text("status: ok");
            default:
                return Results.Text("status: ok");
        }
    }
}
