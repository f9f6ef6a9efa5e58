using System.Net.Http.Headers;
using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using InfoFloPay.DevHost.Hosting;
using InfoFloPay.DevHost.Seeding;
using InfoFloPay.DevHost.ServiceBus;
using InfoFloPay.DevHost.Settings;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Email;
using InfoFloPay.Functions.Tickets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoFloPay.Bench;

/// <summary>
/// Azurite in memory, the ACS contract server and the local host on Kestrel (real sockets) with its in-process bus,
/// the notification dispatcher and the outbox as shipped; only the email sender's far end is the loopback ACS server.
/// Every storage request of the app goes through <see cref="Recorder"/>.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string CustomerEmail = "bench@acme.test";

    public const string AgentEmail = "ava.agent@infoflopay.example";

    public const string ManagerEmail = "olivia.ops@infoflopay.example";

    private readonly AzuriteProcess _azurite;
    private readonly AcsContractServer _acs;
    private readonly WebApplication _app;
    private readonly HttpClient _http;

    private BenchHost(AzuriteProcess azurite, AcsContractServer acs, WebApplication app, StorageRecorder recorder, TableServiceClient unrecorded)
    {
        _azurite = azurite;
        _acs = acs;
        _app = app;
        Recorder = recorder;
        Unrecorded = unrecorded;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public StorageRecorder Recorder { get; }

    /// <summary>A storage client outside the app and the recorder: baselines and the scale generator use it.</summary>
    public TableServiceClient Unrecorded { get; }

    public IServiceProvider Services => _app.Services;

    public AcsContractServer Acs => _acs;

    public static async Task<BenchHost> StartAsync(string root)
    {
        var azurite = await AzuriteProcess.StartAsync(root);
        var acs = await AcsContractServer.StartAsync();
        var recorder = new StorageRecorder();
        var options = new TableClientOptions();
        options.AddPolicy(recorder, HttpPipelinePosition.PerRetry);
        var tables = new TableServiceClient(azurite.ConnectionString, options);

        var builder = DevHostApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Configuration
            .AddLocalSettingsFile(Path.Combine(root, "local.settings.sample.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["DevHost:Timers:Enabled"] = "false",
                ["Sla:PolicyFile"] = Path.Combine(root, "functions", "InfoFloPay.Functions", "Sla", "sla-policy.json"),
                ["Logging:LogLevel:Default"] = "Warning",
                // One client drives thousands of writes a minute, far past a person's rate.
                ["RateLimits:Enabled"] = "false",
                ["Email:ConnectionString"] = acs.ConnectionString,
                ["Email:SenderAddress"] = "DoNotReply@infoflopay.example",
            });
        builder.Services.Replace(ServiceDescriptor.Singleton(tables));
        // The local host drops mail into its outbox; here the shipped ACS sender talks HTTP to the contract server.
        builder.Services.Replace(ServiceDescriptor.Singleton<IEmailSender, AcsEmailSender>());
        var app = DevHostApplication.Build(builder);
        await app.StartAsync();
        var host = new BenchHost(azurite, acs, app, recorder, new TableServiceClient(azurite.ConnectionString));
        using (var put = await host.SendAsync(HttpMethod.Put, "/api/customers/acme", ManagerEmail, ["Support.Manager"],
            """{"name":"Acme","tier":"reserve","emailDomains":["acme.test"],"members":[]}"""))
        {
            put.EnsureSuccessStatusCode();
        }

        await host.SettleAsync();
        return host;
    }

    /// <summary>Waits until the bus has handled every message sent so far and the outbox clean-up is done.</summary>
    public async Task SettleAsync()
    {
        await Services.GetRequiredService<InProcessServiceBus>().WhenIdleAsync(TimeSpan.FromSeconds(60));
        await Services.GetRequiredService<OutboxCleanup>().WhenIdleAsync();
        await Services.GetRequiredService<InProcessServiceBus>().WhenIdleAsync(TimeSpan.FromSeconds(60));
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string email, string[] roles, string? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add(PrincipalHeader.Name, PrincipalHeader.For(email, roles));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await _http.SendAsync(request);
    }

    /// <summary>Sends and fails loudly on anything but success: a benchmark of errors measures nothing.</summary>
    public async Task<string> CallAsync(HttpMethod method, string path, string email, string[] roles, string? body = null, string? idempotencyKey = null)
    {
        using var response = await SendAsync(method, path, email, roles, body, idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return text;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _acs.DisposeAsync();
        _azurite.Dispose();
    }
}
