using System.Net.Http.Headers;
using InfoFloPay.DevHost.Hosting;
using InfoFloPay.DevHost.Seeding;
using InfoFloPay.DevHost.ServiceBus;
using InfoFloPay.DevHost.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.IntegrationTests.Infrastructure;

/// <summary>
/// The local host, in-process, with the newcomer's settings (local.settings.sample.json), storage on the given Azurite,
/// schedules off (tests fire timers through the admin endpoint) and a fake clock. By default it runs on the in-memory
/// TestServer; with <c>realServer: true</c> it listens on Kestrel at a free port on 127.0.0.1 (<see cref="BaseAddress"/>),
/// for callers that need a real TCP address, such as a browser.
/// </summary>
public sealed class LocalHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalHost(WebApplication app, FakeTimeProvider clock, Uri? baseAddress)
    {
        _app = app;
        Clock = clock;
        BaseAddress = baseAddress;
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>Where the real server listens (<c>http://127.0.0.1:port/</c>); null on the TestServer.</summary>
    public Uri? BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public InProcessServiceBus Bus => Services.GetRequiredService<InProcessServiceBus>();

    public DevHost.Outbox.Outbox Outbox => Services.GetRequiredService<DevHost.Outbox.Outbox>();

    public static async Task<LocalHost> StartAsync(
        AzuriteFixture azurite,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        bool realServer = false)
    {
        var builder = DevHostApplication.CreateBuilder([]);
        if (realServer)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Configuration
            .AddLocalSettingsFile(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["DevHost:Timers:Enabled"] = "false",
                // Tests drive dozens of writes as one caller under a frozen clock, far past a person's rate; the limits
                // have their own tests (RateLimitFlowTests), which turn them back on through settings.
                ["RateLimits:Enabled"] = "false",
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>());

        // A weekday morning in New York, so business-hours clocks start ticking at once.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero));
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        configureServices?.Invoke(builder.Services);

        var app = DevHostApplication.Build(builder);
        await app.StartAsync();
        var baseAddress = realServer
            ? new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/")
            : null;
        return new LocalHost(app, clock, baseAddress);
    }

    /// <summary>A client that calls as nobody (no principal header).</summary>
    public HttpClient Anonymous() => BaseAddress is null ? _app.GetTestClient() : new HttpClient { BaseAddress = BaseAddress };

    /// <summary>A client that calls as the given user, with App Service Authentication's principal header.</summary>
    public HttpClient As(string email, params string[] roles)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add(PrincipalHeader.Name, PrincipalHeader.For(email, roles));
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public HttpClient Agent(string email = "ava.agent@infoflopay.example") => As(email, "Support.Agent");

    public HttpClient Manager(string email = "olivia.ops@infoflopay.example") => As(email, "Support.Manager");

    /// <summary>Waits until every message the app has sent so far has been handled or dead-lettered.</summary>
    public Task MessagesSettledAsync() => Bus.WhenIdleAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
