using InfoFloPay.DevHost.Hosting;
using InfoFloPay.DevHost.Seeding;

// The local host: `dotnet run --project devhost -- [--urls http://127.0.0.1:7071] [--seed]`.
var seed = args.Contains("--seed");
var builder = DevHostApplication.CreateBuilder([.. args.Where(arg => arg != "--seed")]);
var app = DevHostApplication.Build(builder);

await app.StartAsync();
var baseUrl = app.Urls.First().Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);

if (seed)
{
    using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    var seedFile = Path.Combine(AppContext.BaseDirectory, "seed.json");
    try
    {
        var failures = await app.Services.GetRequiredService<SeedLoader>().LoadAsync(client, SeedData.Load(seedFile), app.Lifetime.ApplicationStopping);
        app.Logger.LogInformation("Seed data loaded from {SeedFile} ({Failures} failures)", seedFile, failures);
    }
    catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
    {
        // Ctrl+C while seeding is an ordinary way to stop, not a crash worth a stack trace.
        app.Logger.LogInformation("Seeding stopped: the host is shutting down");
    }
}

if (!app.Lifetime.ApplicationStopping.IsCancellationRequested)
{
    PrintWelcome(baseUrl);
}

await app.WaitForShutdownAsync();

static void PrintWelcome(string baseUrl)
{
    var agent = PrincipalHeader.For("ava.agent@infoflopay.example", "Support.Agent");
    var customer = PrincipalHeader.For("carol@contoso.com");
    Console.WriteLine($"""

        InfoFlo Pay Helpdesk is running at {baseUrl}
          Portal:      {baseUrl}/api/portal/
          Console:     {baseUrl}/api/console/   (the support team's workspace)
          Health:      curl {baseUrl}/api/health
          OpenAPI:     curl {baseUrl}/api/openapi.json
          As an agent: curl -H "X-MS-CLIENT-PRINCIPAL: {agent}" {baseUrl}/api/queue
          As Contoso:  curl -H "X-MS-CLIENT-PRINCIPAL: {customer}" {baseUrl}/api/tickets
          Outbox:      curl {baseUrl}/admin/outbox   (as a page: {baseUrl}/admin/outbox/view)
        Press Ctrl+C to stop.

        """);
}

/// <summary>Entry point, public so tests can host the local host in-process.</summary>
public partial class Program;
