using Azure.Data.Tables;
using InfoFloPay.Domain.Customers;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Customers;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.IntegrationTests.Tickets;

/// <summary>The ticket service wired to fresh Azurite tables, a fake clock and a recording bus.</summary>
public sealed class TicketDesk : IDisposable
{
    public static readonly Caller Agent = new(CallerRole.Agent, "agent@infoflopay.com", "Agnes Agent", null);
    public static readonly Caller Manager = new(CallerRole.Manager, "manager@infoflopay.com", "Manny Manager", null);
    public static readonly Caller CustomerA = Caller.Customer("alice@acme.test", "Alice", "acme");
    public static readonly Caller CustomerB = Caller.Customer("bob@globex.test", "Bob", "globex");

    public TicketDesk(AzuriteFixture azurite, StorageRoundTripCounter? counter = null)
    {
        var options = new TableClientOptions();
        if (counter is not null)
        {
            options.AddPolicy(counter, Azure.Core.HttpPipelinePosition.PerRetry);
        }

        var suffix = Guid.NewGuid().ToString("N")[..12];
        Tables = new TableServiceClient(azurite.ConnectionString, options);
        TicketsTable = Tables.GetTableClient("tickets" + suffix);
        Customers = new CustomerDirectory(new EnsuredTable(Tables.GetTableClient("customers" + suffix)), Clock);
        Store = new TicketStore(new EnsuredTable(TicketsTable));
        Cleanup = new OutboxCleanup(Store, NullLogger<OutboxCleanup>.Instance);
        Outbox = new TicketOutbox(Store, Cleanup, Bus, Options.Create(new HelpdeskEventsOptions()), NullLogger<TicketOutbox>.Instance);
        Service = new TicketService(Store, Customers, new NoSlaTargets(), Outbox, Clock, NullLogger<TicketService>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero));

    public RecordingMessageSender Bus { get; } = new();

    public TableServiceClient Tables { get; }

    public TableClient TicketsTable { get; }

    public CustomerDirectory Customers { get; }

    public TicketStore Store { get; }

    public OutboxCleanup Cleanup { get; }

    public TicketOutbox Outbox { get; }

    public TicketService Service { get; }

    /// <summary>Another app instance on the same storage: its own id allocator and caches.</summary>
    public TicketService OtherInstance() =>
        new(new TicketStore(new EnsuredTable(TicketsTable)), Customers, new NoSlaTargets(), Outbox, Clock, NullLogger<TicketService>.Instance);

    public async Task RegisterAccountsAsync()
    {
        await Customers.PutAsync(new CustomerAccount("acme", "Acme", CustomerTier.Vip, ["acme.test"], []), null, default);
        await Customers.PutAsync(new CustomerAccount("globex", "Globex", CustomerTier.Essentials, [], ["bob@globex.test"]), null, default);
    }

    public async Task<Ticket> OpenAsync(Caller caller, string subject = "Cannot log in", string? customerId = null, string? priority = null)
    {
        var result = await Service.CreateAsync(new NewTicketRequest(subject, "It says access denied.", null, customerId, priority, null), caller, TicketChannel.Api, null, default);
        Clock.Advance(TimeSpan.FromMinutes(1));
        return result.Ticket;
    }

    /// <summary>Every row of the tickets table (a full scan: fine for a test's own table).</summary>
    public async Task<List<TableEntity>> AllRowsAsync()
    {
        await TicketsTable.CreateIfNotExistsAsync();
        return await TicketsTable.QueryAsync<TableEntity>().ToListAsync();
    }

    public void Dispose() => Store.Dispose();
}
