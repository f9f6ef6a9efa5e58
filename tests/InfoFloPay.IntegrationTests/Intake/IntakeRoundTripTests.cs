using InfoFloPay.Domain.Intake;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Intake;
using InfoFloPay.Functions.Operations.Telemetry;
using InfoFloPay.Functions.Roster;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InfoFloPay.IntegrationTests.Intake;

/// <summary>What adding an inbound mail to its ticket costs in storage requests: the ticket is read once, to see whether
/// the sender is on it, and the reply is written over that read — and a ticket changed meanwhile loses nothing.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class IntakeRoundTripTests : IDisposable
{
    private readonly StorageRoundTripCounter _counter = new();
    private readonly TicketDesk _desk;

    public IntakeRoundTripTests(AzuriteFixture azurite) => _desk = new TicketDesk(azurite, _counter);

    public void Dispose() => _desk.Dispose();

    [Fact]
    public async Task A_reply_naming_its_ticket_reads_the_ticket_once()
    {
        var intake = await IntakeAsync();
        var id = (await intake.ReceiveAsync(Mail("alice@acme.test", "Payouts late", "Nothing arrived."), default)).TicketId!;
        await intake.ReceiveAsync(Mail("alice@acme.test", $"Re: [{id}] Payouts late", "Still nothing."), default);
        await _desk.Cleanup.WhenIdleAsync();
        _counter.Reset();

        var result = await intake.ReceiveAsync(Mail("alice@acme.test", $"Re: [{id}] Payouts late", "Arrived now, thanks."), default);
        await _desk.Cleanup.WhenIdleAsync();

        // The Message-ID receipt lookup, the one read of the ticket, the reply's batch, and the deferred delete of
        // its published outbox row. The sender's account is cached from the earlier mails.
        Assert.Equal(4, _counter.Count);
        Assert.Equal((IntakeOutcome.Appended, id, false), (result.Outcome, result.TicketId, result.Duplicate));
        var replies = (await _desk.Service.EventsAsync(id, TicketDesk.Agent, default)).Where(e => e.Kind == TicketEventKind.Reply).Select(e => e.Body);
        Assert.Equal(["Still nothing.", "Arrived now, thanks."], replies);
    }

    [Fact]
    public async Task Concurrent_replies_to_one_ticket_are_all_added()
    {
        var intake = await IntakeAsync();
        var id = (await intake.ReceiveAsync(Mail("alice@acme.test", "Refund stuck", "Since Monday."), default)).TicketId!;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(n =>
            intake.ReceiveAsync(Mail("alice@acme.test", $"Re: [{id}] Refund stuck", $"Update {n}."), default)));

        Assert.All(results, result => Assert.Equal((IntakeOutcome.Appended, id), (result.Outcome, result.TicketId)));
        var replies = (await _desk.Service.EventsAsync(id, TicketDesk.Agent, default)).Where(e => e.Kind == TicketEventKind.Reply).Select(e => e.Body);
        Assert.Equal(Enumerable.Range(0, 8).Select(n => $"Update {n}.").Order(), replies.Order());
    }

    [Fact]
    public async Task A_reply_over_a_stale_read_is_reapplied_to_the_ticket_as_changed_meanwhile()
    {
        await _desk.RegisterAccountsAsync();
        var ticket = await _desk.OpenAsync(TicketDesk.CustomerA);
        var read = (await _desk.Store.GetAsync(ticket.Id, default))!;
        await _desk.Service.TriageAsync(ticket.Id, new TriageRequest("high", TicketDesk.Agent.Email), TicketDesk.Agent, null, default);

        var result = await _desk.Service.AddReplyOnceAsync(read, new ReplyRequest("Any news?", Internal: false), TicketDesk.CustomerA,
            new IdempotencyClaim(TicketKeys.Mail("<stale-read@mail.example>"), TicketDesk.CustomerA.Email), default);

        var stored = await _desk.Service.GetAsync(ticket.Id, TicketDesk.Agent, default);
        Assert.Equal((TicketPriority.High, TicketDesk.Agent.Email, result.ETag), (stored.Ticket.Priority, stored.Ticket.Assignee, stored.ETag));
        var events = await _desk.Service.EventsAsync(ticket.Id, TicketDesk.Agent, default);
        Assert.Contains(events, e => e.Kind == TicketEventKind.Triaged);
        Assert.Equal("Any news?", Assert.Single(events, e => e.Kind == TicketEventKind.Reply).Body);
        var open = await _desk.Service.ListAsync(new TicketListRequest("open", TicketDesk.Agent.Email, null, null, null, null, null), TicketDesk.Agent, default);
        Assert.Equal([ticket.Id], open.Items.Select(t => t.Id));
        Assert.Empty((await _desk.Service.QueueAsync(TicketDesk.Agent, null, null, default)).Items);
    }

    private async Task<EmailIntake> IntakeAsync()
    {
        await _desk.RegisterAccountsAsync();
        var roster = Options.Create(new SupportRosterOptions { Agents = [new SupportPerson { Name = "Agnes Agent", Email = TicketDesk.Agent.Email }] });
        return new EmailIntake(_desk.Service, _desk.Store, new MailThreadIndex(new EnsuredTable(_desk.TicketsTable)), _desk.Customers, roster,
            new HelpdeskMetrics(new UnsharedMeterFactory()), NullLogger<EmailIntake>.Instance);
    }

    private static InboundEmail Mail(string from, string subject, string text) =>
        new($"<{Guid.NewGuid():N}@mail.example>", new InboundAddress(null, from), ["support@infoflopay.example"], subject, text, null, null, null, null);
}
