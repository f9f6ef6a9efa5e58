using System.Text.Json;
using InfoFloPay.DevHost.Functions;
using InfoFloPay.DevHost.ServiceBus;
using InfoFloPay.DevHost.Timers;
using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.DevHost.Admin;

/// <summary>The host's admin surface: run a non-HTTP function now, and (locally only) what was sent and dead-lettered.</summary>
public static class AdminEndpoints
{
    /// <summary>How long <c>POST /admin/functions/{name}</c> waits for the messages the run caused to be handled.</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    public sealed record RunFunctionRequest(string? Input);

    public static void MapAdminEndpoints(this WebApplication app)
    {
        var admin = app.MapGroup("/admin");

        admin.MapGet("/functions", (FunctionCatalog catalog, SettingNameResolver settings, TimerScheduler timers) =>
            catalog.Functions.Select(function => new
            {
                name = function.Name,
                trigger = function.Kind.ToString().ToLowerInvariant(),
                route = function.Route,
                methods = function.HttpMethods,
                schedule = function.Schedule is { } schedule ? settings.Resolve(schedule) : null,
                queue = function.QueueName is { } queue ? settings.Resolve(queue) : null,
                topic = function.TopicName is { } topic ? settings.Resolve(topic) : null,
                subscription = function.SubscriptionName is { } subscription ? settings.Resolve(subscription) : null,
                nextRun = timers.NextRuns.TryGetValue(function.Name, out var next) ? next : (DateTimeOffset?)null,
            }));

        // Like the Functions host's admin API, but the local host waits for the run and the messages it caused,
        // so the outbox is up to date when the call returns.
        admin.MapPost("/functions/{name}", async (
            string name,
            HttpRequest request,
            FunctionCatalog catalog,
            TimerFunctionRunner timers,
            InProcessServiceBus bus,
            CancellationToken cancellationToken) =>
        {
            var function = catalog.Find(name);
            if (function is null)
            {
                return Results.Problem(statusCode: 404, title: "No such function", detail: $"There is no function named '{name}'.");
            }

            var input = await ReadInputAsync(request, cancellationToken);
            switch (function.Kind)
            {
                case TriggerKind.Http:
                    return Results.Problem(statusCode: 400, title: "HTTP function",
                        detail: $"'{function.Name}' is an HTTP function; call it on its route ({function.Route}).");
                case TriggerKind.Timer:
                    await timers.RunAsync(function, next: null, cancellationToken);
                    break;
                case TriggerKind.ServiceBus:
                    bus.DeliverTo(function, new OutgoingMessage(Guid.NewGuid().ToString("N"), "admin", BinaryData.FromString(input ?? "")));
                    break;
            }

            await bus.WhenIdleAsync(SettleTimeout);
            return Results.Accepted();
        });

        admin.MapGet("/outbox", (Outbox.Outbox outbox) => outbox.Entries);
        admin.MapGet("/outbox/view", (Outbox.Outbox outbox) => Results.Content(Outbox.OutboxPage.Render(outbox.Entries), "text/html; charset=utf-8"));

        admin.MapGet("/servicebus", (InProcessServiceBus bus) => new
        {
            entities = bus.Entities,
            deadLetters = bus.DeadLetters,
        });
    }

    private static async Task<string?> ReadInputAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || !request.HasJsonContentType())
        {
            return null;
        }

        var body = await request.ReadFromJsonAsync<RunFunctionRequest>(JsonSerializerOptions.Web, cancellationToken);
        return body?.Input;
    }
}
