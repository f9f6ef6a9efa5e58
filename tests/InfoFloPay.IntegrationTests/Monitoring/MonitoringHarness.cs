using Azure.Data.Tables;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Customers;
using InfoFloPay.Functions.Identity;
using InfoFloPay.Functions.Monitoring;
using InfoFloPay.Functions.RateLimiting;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// The monitoring feature as the app registers it (AddMonitoring) with the HTTP plumbing every API shares (caller
/// resolution against the customer registry, <see cref="ApiEndpoint"/>), on Azurite with its own table, with a fake
/// clock for business time and the recording ticket port (or, given <c>incidents</c>, another one such as the real ticket
/// service's adapter). Probes use real sockets.
/// </summary>
internal sealed class MonitoringHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 14, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private MonitoringHarness(ServiceProvider provider, FakeTimeProvider clock, RecordingIncidentTickets tickets, string table)
    {
        _provider = provider;
        Clock = clock;
        Tickets = tickets;
        Table = table;
    }

    public FakeTimeProvider Clock { get; }

    public RecordingIncidentTickets Tickets { get; }

    public string Table { get; }

    public ProbeRunner Runner => _provider.GetRequiredService<ProbeRunner>();

    public MonitoringTargetStore Targets => _provider.GetRequiredService<MonitoringTargetStore>();

    public TargetStateStore States => _provider.GetRequiredService<TargetStateStore>();

    public T Service<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>A function class, made the way the Functions runtime makes it: from the container, per invocation.</summary>
    public T Function<T>() where T : notnull => ActivatorUtilities.CreateInstance<T>(_provider);

    public static MonitoringHarness Create(
        AzuriteFixture azurite,
        IDictionary<string, string?>? settings = null,
        string? table = null,
        FakeTimeProvider? clock = null,
        RecordingIncidentTickets? tickets = null,
        IIncidentTickets? incidents = null,
        StorageRequestLog? requests = null,
        ILoggerProvider? logs = null)
    {
        table ??= "mon" + Guid.NewGuid().ToString("N");
        clock ??= new FakeTimeProvider(Start);
        tickets ??= new RecordingIncidentTickets();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Monitoring:TableName"] = table })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                if (logs is not null)
                {
                    logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
                }
            })
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton(requests is null ? azurite.CreateServiceClient() : LoggedServiceClient(azurite, requests))
            .AddSingleton<IIncidentTickets>(incidents ?? tickets);
        services.AddIdentity();
        services.AddCustomers();
        services.AddRateLimits();
        services.AddSingleton<ApiEndpoint>();
        services.AddMonitoring(configuration);
        return new MonitoringHarness(services.BuildServiceProvider(validateScopes: true), clock, tickets, table);
    }

    private static TableServiceClient LoggedServiceClient(AzuriteFixture azurite, StorageRequestLog requests)
    {
        var options = new TableClientOptions();
        options.AddPolicy(requests, Azure.Core.HttpPipelinePosition.PerRetry);
        return new TableServiceClient(azurite.ConnectionString, options);
    }

    /// <summary>A second app instance on the same table, clock and ticket service: for overlapping runs.</summary>
    public MonitoringHarness SecondInstance(AzuriteFixture azurite) => Create(azurite, table: Table, clock: Clock, tickets: Tickets);

    public async Task AddTargetAsync(string name, string kind, string url, int threshold = 1, int timeoutSeconds = 5, string? bodyContains = null)
    {
        var validation = TargetDefinition.Validate(new TargetDraft(name, kind, url, null, timeoutSeconds, bodyContains, threshold, null));
        await Targets.SaveAsync(validation.Target ?? throw new InvalidOperationException(string.Join(", ", validation.Errors.Keys)), default);
    }

    /// <summary>Stores a maintenance window as <c>PUT /api/monitoring/maintenance/{id}</c> would.</summary>
    public Task AddMaintenanceAsync(string id, MaintenanceWindowRequest window) =>
        Service<MaintenanceRegistry>().PutAsync(id, window, ifMatch: null, CancellationToken.None);

    /// <summary>One scheduled run at the current minute; then the clock moves on to the next minute.</summary>
    public async Task<IReadOnlyList<TargetProbeReport>> ProbeAsync()
    {
        var reports = await Runner.RunAsync(CancellationToken.None);
        Clock.Advance(ProbeSlot.Length);
        return reports;
    }

    public async Task ProbeTimesAsync(int runs)
    {
        for (var i = 0; i < runs; i++)
        {
            await ProbeAsync();
        }
    }

    public async Task<TargetState> StateOfAsync(string name) => (await States.ReadAsync(name, default)).State;

    public TableClient TableClient(AzuriteFixture azurite) => azurite.CreateServiceClient().GetTableClient(Table);

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
