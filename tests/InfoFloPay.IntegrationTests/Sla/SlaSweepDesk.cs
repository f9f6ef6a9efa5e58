using Azure.Data.Tables;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Sla;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Customers;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Sla;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Tickets;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.IntegrationTests.Sla;

/// <summary>
/// The ticket service with the shipped SLA policy on a fresh Azurite table, a fake clock on a working Tuesday morning in
/// New York, a recording bus, and as many sweeps (each its own app instance on the same storage) as a test wants.
/// </summary>
public sealed class SlaSweepDesk : IDisposable
{
    public static readonly Caller Agent = new(CallerRole.Agent, "ava.agent@infoflopay.example", "Ava Agent", null);

    /// <summary>Tuesday 24 November 2026, 09:00 in New York: the business calendar is running.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    private readonly List<TicketStore> _stores = [];

    public SlaSweepDesk(AzuriteFixture azurite)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        Tables = new TableServiceClient(azurite.ConnectionString);
        TicketsTable = Tables.GetTableClient("slatickets" + suffix);
        var policy = SlaPolicyLoader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, SlaOptions.DefaultPolicyFile)));
        Sla = new PolicySla(new SlaClock(policy));
        Store = NewStore(TicketsTable);
        Outbox = new TicketOutbox(Store, new OutboxCleanup(Store, NullLogger<OutboxCleanup>.Instance), Bus, Options.Create(new HelpdeskEventsOptions()), NullLogger<TicketOutbox>.Instance);
        var customers = new CustomerDirectory(new EnsuredTable(Tables.GetTableClient("slacustomers" + suffix)), Clock);
        Service = new TicketService(Store, customers, Sla, Outbox, Clock, NullLogger<TicketService>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public RecordingMessageSender Bus { get; } = new();

    public TableServiceClient Tables { get; }

    public TableClient TicketsTable { get; }

    public PolicySla Sla { get; }

    public TicketStore Store { get; }

    public TicketOutbox Outbox { get; }

    public TicketService Service { get; }

    /// <summary>A sweep as another app instance runs it: its own store, sending to the same bus.</summary>
    public SlaSweep Sweep(TableClient? table = null)
    {
        var store = NewStore(table ?? TicketsTable);
        var outbox = new TicketOutbox(store, new OutboxCleanup(store, NullLogger<OutboxCleanup>.Instance), Bus, Options.Create(new HelpdeskEventsOptions()), NullLogger<TicketOutbox>.Instance);
        return new SlaSweep(store, new SlaEscalation(Sla), outbox, Clock, NullLogger<SlaSweep>.Instance);
    }

    public Task<SlaSweepResult> SweepAsync() => Sweep().RunAsync(CancellationToken.None);

    /// <summary>What the outbox relay timer does for leftovers of a publish that failed after the commit.</summary>
    public Task RelayAsync() =>
        new RelayOutboxFunction(Store, Outbox, Clock, NullLogger<RelayOutboxFunction>.Instance).Run(new TimerInfo(), CancellationToken.None);

    public async Task<Ticket> OpenAsync(string priority, string? subject = null)
    {
        var request = new NewTicketRequest(subject ?? $"Payouts failing ({priority})", "Every payout returns 502.", null, null, priority, null);
        return (await Service.CreateAsync(request, Agent, TicketChannel.Api, null, CancellationToken.None)).Ticket;
    }

    public async Task<Ticket> GetAsync(string id) => (await Service.GetAsync(id, Agent, CancellationToken.None)).Ticket;

    public async Task<IReadOnlyList<TicketEvent>> EventsAsync(string id) => await Service.EventsAsync(id, Agent, CancellationToken.None);

    /// <summary>The SLA messages sent so far, as envelopes.</summary>
    public IReadOnlyList<HelpdeskEvent> SlaMessages() =>
        [.. Bus.Sent
            .Select(sent => sent.Message.Body.ToObjectFromJson<HelpdeskEvent>(HelpdeskJson.Options)!)
            .Where(envelope => envelope.Type is HelpdeskEventTypes.SlaWarning or HelpdeskEventTypes.SlaBreached)];

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
