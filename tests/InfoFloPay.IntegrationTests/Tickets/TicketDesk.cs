using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Customers;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Routing;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Agents;
using InfoFloPay.Functions.Customers;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Roster;
using InfoFloPay.Functions.Routing;
using InfoFloPay.Functions.Sla;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.IntegrationTests.Tickets;

/// <summary>
/// The ticket service wired to fresh Azurite tables, a fake clock on a working Tuesday morning in New York and a
/// recording bus. Without SLA targets by default, so storage tests see no SLA index rows; <see cref="WithShippedSla"/>
/// gives tickets the shipped policy and runs sweeps (each its own app instance on the same storage) against it.
/// </summary>
public sealed class TicketDesk : IDisposable
{
    public static readonly Caller Agent = new(CallerRole.Agent, "agent@infoflopay.com", "Agnes Agent", null);
    public static readonly Caller Manager = new(CallerRole.Manager, "manager@infoflopay.com", "Manny Manager", null);
    public static readonly Caller CustomerA = Caller.Customer("alice@acme.test", "Alice", "acme");
    public static readonly Caller CustomerB = Caller.Customer("bob@globex.test", "Bob", "globex");

    /// <summary>Tuesday 24 November 2026, 09:00 in New York: the business calendar is running.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    private readonly List<TicketStore> _stores = [];
    private readonly ISlaCalculator _slaTargets;
    private readonly PolicySla? _sla;

    public TicketDesk(AzuriteFixture azurite, StorageRoundTripCounter? counter = null)
        : this(azurite, counter, null)
    {
    }

    private TicketDesk(AzuriteFixture azurite, StorageRoundTripCounter? counter, PolicySla? sla, StorageRequestLog? requests = null)
    {
        var options = new TableClientOptions();
        if (counter is not null)
        {
            options.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerRetry);
        }

        if (requests is not null)
        {
            options.AddPolicy(requests, Azure.Core.HttpPipelinePosition.PerRetry);
        }

        Azurite = azurite;

        _sla = sla;
        _slaTargets = sla ?? (ISlaCalculator)new NoSlaTargets();
        var suffix = Guid.NewGuid().ToString("N")[..12];
        Tables = new TableServiceClient(azurite.ConnectionString, options);
        TicketsTable = Tables.GetTableClient("tickets" + suffix);
        Customers = new CustomerDirectory(new EnsuredTable(Tables.GetTableClient("customers" + suffix)), Clock);
        Store = NewStore(TicketsTable);
        Cleanup = NewCleanup(Store);
        Outbox = new TicketOutbox(Store, Cleanup, Bus, Options.Create(new HelpdeskEventsOptions()), NullLogger<TicketOutbox>.Instance);
        Service = new TicketService(Store, Customers, _slaTargets, Outbox, Clock, NullLogger<TicketService>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public AzuriteFixture Azurite { get; }

    public RecordingMessageSender Bus { get; } = new();

    public TableServiceClient Tables { get; }

    public TableClient TicketsTable { get; }

    public CustomerDirectory Customers { get; }

    public TicketStore Store { get; }

    private readonly List<OutboxCleanup> _cleanups = [];

    public OutboxCleanup Cleanup { get; }

    public TicketOutbox Outbox { get; }

    public TicketService Service { get; }

    /// <summary>The shipped SLA policy this desk's tickets get; only a desk opened <see cref="WithShippedSla"/> has one.</summary>
    public PolicySla Sla => _sla ?? throw new InvalidOperationException("This desk has no SLA targets: open it with TicketDesk.WithShippedSla.");

    /// <summary>A desk whose tickets get the SLA policy the app ships with (the default policy file).</summary>
    public static TicketDesk WithShippedSla(AzuriteFixture azurite)
    {
        var policy = SlaPolicyLoader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, SlaOptions.DefaultPolicyFile)));
        return new TicketDesk(azurite, null, new PolicySla(new SlaClock(policy)));
    }

    /// <summary>A desk with the shipped SLA policy whose storage requests <paramref name="requests"/> records.</summary>
    public static TicketDesk WithShippedSla(AzuriteFixture azurite, StorageRequestLog requests)
    {
        var policy = SlaPolicyLoader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, SlaOptions.DefaultPolicyFile)));
        return new TicketDesk(azurite, null, new PolicySla(new SlaClock(policy)), requests);
    }

    /// <summary>Another app instance on the same storage: its own id allocator and caches.</summary>
    public TicketService OtherInstance() =>
        new(NewStore(TicketsTable), Customers, _slaTargets, Outbox, Clock, NullLogger<TicketService>.Instance);

    /// <summary>A sweep as another app instance runs it: its own store, sending to the same bus.</summary>
    public SlaSweep Sweep(TableClient? table = null)
    {
        var store = NewStore(table ?? TicketsTable);
        var outbox = new TicketOutbox(store, NewCleanup(store), Bus, Options.Create(new HelpdeskEventsOptions()), NullLogger<TicketOutbox>.Instance);
        return new SlaSweep(store, new SlaEscalation(Sla), outbox, Clock, NullLogger<SlaSweep>.Instance);
    }

    public Task<SlaSweepResult> SweepAsync() => Sweep().RunAsync(CancellationToken.None);

    /// <summary>The team on this desk's tickets table as another app instance sees it (its own seeding), seeded from
    /// <paramref name="roster"/> (none: nobody).</summary>
    public AgentDirectory Agents(params (string Name, string Email)[] roster) => new(
        new AgentStore(new EnsuredTable(TicketsTable)),
        Customers,
        Outbox,
        Options.Create(new SupportRosterOptions { Agents = [.. roster.Select(person => new SupportPerson { Name = person.Name, Email = person.Email })] }),
        Clock,
        NullLogger<AgentDirectory>.Instance);

    /// <summary>Routing as another app instance runs it (its own ticket store), in <paramref name="mode"/>.</summary>
    public AssignmentRouter Router(AgentDirectory agents, RoutingMode mode) => new(
        new TicketService(NewStore(TicketsTable), Customers, _slaTargets, Outbox, Clock, NullLogger<TicketService>.Instance),
        agents,
        Options.Create(new RoutingOptions { Mode = EnumText.Of(mode) }),
        Clock,
        NullLogger<AssignmentRouter>.Instance);

    /// <summary>What the outbox relay timer does for leftovers of a publish that failed after the commit.</summary>
    public Task RelayAsync() =>
        new RelayOutboxFunction(Store, Outbox, Clock, NullLogger<RelayOutboxFunction>.Instance).Run(new TimerInfo(), CancellationToken.None);

    public async Task RegisterAccountsAsync()
    {
        await Customers.PutAsync(new CustomerAccount("acme", "Acme", CustomerTier.Vip, ["acme.test"], []), null, default);
        await Customers.PutAsync(new CustomerAccount("globex", "Globex", CustomerTier.Essentials, [], ["bob@globex.test"]), null, default);
    }

    /// <summary>Opens a ticket, then moves the clock on a minute so the next one is visibly newer.</summary>
    public async Task<Ticket> OpenAsync(Caller caller, string subject = "Cannot log in", string? customerId = null, string? priority = null)
    {
        var result = await Service.CreateAsync(new NewTicketRequest(subject, "It says access denied.", null, customerId, priority, null), caller, TicketChannel.Api, null, default);
        Clock.Advance(TimeSpan.FromMinutes(1));
        return result.Ticket;
    }

    /// <summary>An agent opens an outage ticket with <paramref name="priority"/>; the clock stays put, so SLA due times count from now.</summary>
    public async Task<Ticket> OpenOutageAsync(string priority, string? subject = null)
    {
        var request = new NewTicketRequest(subject ?? $"Payouts failing ({priority})", "Every payout returns 502.", null, null, priority, null);
        return (await Service.CreateAsync(request, Agent, TicketChannel.Api, null, CancellationToken.None)).Ticket;
    }

    /// <summary>The ticket as an agent sees it.</summary>
    public async Task<Ticket> GetAsync(string id) => (await Service.GetAsync(id, Agent, CancellationToken.None)).Ticket;

    /// <summary>The ticket's timeline as an agent sees it.</summary>
    public async Task<IReadOnlyList<TicketEvent>> EventsAsync(string id) => await Service.EventsAsync(id, Agent, CancellationToken.None);

    /// <summary>The SLA messages sent so far, as envelopes.</summary>
    public IReadOnlyList<HelpdeskEvent> SlaMessages() =>
        [.. Bus.Sent
            .Select(sent => sent.Message.Body.ToObjectFromJson<HelpdeskEvent>(HelpdeskJson.Options)!)
            .Where(envelope => envelope.Type is HelpdeskEventTypes.SlaWarning or HelpdeskEventTypes.SlaBreached)];

    private OutboxCleanup NewCleanup(TicketStore store)
    {
        var cleanup = new OutboxCleanup(store, NullLogger<OutboxCleanup>.Instance);
        lock (_cleanups)
        {
            _cleanups.Add(cleanup);
        }

        return cleanup;
    }

    /// <summary>Every row of the tickets table (a full scan: fine for a test's own table).</summary>
    public async Task<List<TableEntity>> AllRowsAsync()
    {
        // Published outbox rows are deleted in the background; a snapshot taken mid-delete would make row counts flaky.
        OutboxCleanup[] cleanups;
        lock (_cleanups)
        {
            cleanups = [.. _cleanups];
        }

        await Task.WhenAll(cleanups.Select(cleanup => cleanup.WhenIdleAsync()));
        await TicketsTable.CreateIfNotExistsAsync();
        return await TicketsTable.QueryAsync<TableEntity>().ToListAsync();
    }

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }
    }

    private TicketStore NewStore(TableClient table)
    {
        var store = new TicketStore(new EnsuredTable(table));
        _stores.Add(store);
        return store;
    }
}
