using Azure.Core.Pipeline;
using Azure.Data.Tables;
using InfoFloPay.Domain;
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

/// <summary>Intake after things went wrong: a crash between a mail's ticket and its triage note, and a copy of a mail that
/// loses the race for its receipt to a copy that did something else.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class IntakeRecoveryTests(AzuriteFixture azurite) : IDisposable
{
    private const string Stranger = "walter@unknown.test";

    private readonly TicketDesk _desk = new(azurite);
    private readonly List<TicketStore> _stores = [];

    public void Dispose()
    {
        _stores.ForEach(store => store.Dispose());
        _desk.Dispose();
    }

    [Fact]
    public async Task A_mail_retried_after_a_crash_before_its_triage_note_gets_the_note_exactly_once()
    {
        await _desk.RegisterAccountsAsync();
        var mail = Mail(Stranger, "Need access", "Please give me access to the dashboard.");
        // What the first attempt committed before the process died: the ticket and the mail's receipt, no note yet.
        var crashed = await _desk.Service.CreateOnceAsync(
            new NewTicketRequest("Need access", mail.Text, new RequesterInput(null, Stranger), null, null, EmailIntake.UnknownSenderCategory),
            EmailIntake.Desk,
            TicketChannel.Email,
            Receipt(mail, IntakeOutcome.Created),
            default);
        var intake = Intake();

        var retried = await intake.ReceiveAsync(mail, default);
        var redelivered = await intake.ReceiveAsync(mail, default);

        Assert.Equal((IntakeOutcome.Created, crashed.Ticket.Id, true), (retried.Outcome, retried.TicketId, retried.Duplicate));
        Assert.Equal((IntakeOutcome.Created, crashed.Ticket.Id, true), (redelivered.Outcome, redelivered.TicketId, redelivered.Duplicate));
        var note = Assert.Single(await _desk.EventsAsync(crashed.Ticket.Id), e => e.Kind == TicketEventKind.Reply);
        Assert.Equal(EventVisibility.Internal, note.Visibility);
        Assert.Contains("Unknown sender: walter@unknown.test", note.Body, StringComparison.Ordinal);
        Assert.Single(await _desk.AllRowsAsync(), row => row.RowKey.StartsWith("ticket|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mail_retried_after_its_ticket_was_closed_gets_its_replay_not_a_conflict()
    {
        await _desk.RegisterAccountsAsync();
        var mail = Mail(Stranger, "Need access", "Please give me access to the dashboard.");
        var crashed = await _desk.Service.CreateOnceAsync(
            new NewTicketRequest("Need access", mail.Text, new RequesterInput(null, Stranger), null, null, EmailIntake.UnknownSenderCategory),
            EmailIntake.Desk,
            TicketChannel.Email,
            Receipt(mail, IntakeOutcome.Created),
            default);
        await _desk.Service.TriageAsync(crashed.Ticket.Id, new TriageRequest("low", TicketDesk.Agent.Email), TicketDesk.Agent, null, default);
        await _desk.Service.ChangeStatusAsync(crashed.Ticket.Id, new StatusChangeRequest("resolved", "Spam"), TicketDesk.Agent, null, default);
        await _desk.Service.ChangeStatusAsync(crashed.Ticket.Id, new StatusChangeRequest("closed", null), TicketDesk.Agent, null, default);

        var retried = await Intake().ReceiveAsync(mail, default);

        Assert.Equal((IntakeOutcome.Created, crashed.Ticket.Id, true), (retried.Outcome, retried.TicketId, retried.Duplicate));
        Assert.DoesNotContain(await _desk.EventsAsync(crashed.Ticket.Id), e => e.Kind == TicketEventKind.Reply);
    }

    [Fact]
    public async Task A_copy_that_loses_the_receipt_race_while_appending_answers_with_what_the_winning_copy_did()
    {
        await _desk.RegisterAccountsAsync();
        var ticket = await _desk.OpenAsync(TicketDesk.CustomerA);
        var mail = Mail(TicketDesk.CustomerA.Email, $"Re: [{ticket.Id}] Cannot log in", "Still denied.");
        TicketResult? winner = null;
        // Just before this copy's reply commits, another copy of the same mail opened a ticket with the receipt.
        var loser = Intake(new BeforeFirstBatch(async () => winner = await _desk.Service.CreateOnceAsync(
            new NewTicketRequest("Cannot log in", mail.Text, new RequesterInput(null, TicketDesk.CustomerA.Email), "acme", null, null),
            EmailIntake.Desk,
            TicketChannel.Email,
            Receipt(mail, IntakeOutcome.Created),
            default)));

        var result = await loser.ReceiveAsync(mail, default);
        var redelivered = await Intake().ReceiveAsync(mail, default);

        Assert.NotNull(winner);
        Assert.Equal((IntakeOutcome.Created, winner.Ticket.Id, true), (result.Outcome, result.TicketId, result.Duplicate));
        Assert.Equal((result.Outcome, result.TicketId), (redelivered.Outcome, redelivered.TicketId));
        Assert.DoesNotContain(await _desk.EventsAsync(ticket.Id), e => e.Kind == TicketEventKind.Reply);
    }

    [Fact]
    public async Task A_copy_that_loses_the_receipt_race_while_opening_a_ticket_answers_with_the_winners_reply()
    {
        await _desk.RegisterAccountsAsync();
        var ticket = await _desk.OpenAsync(TicketDesk.CustomerA);
        var mail = Mail(TicketDesk.CustomerA.Email, "Cannot log in", "Still denied.");
        // Just before this copy's new ticket commits, another copy of the same mail was added to the sender's ticket.
        var loser = Intake(new BeforeFirstBatch(() => _desk.Service.AddReplyOnceAsync(
            ticket.Id, new ReplyRequest("Still denied.", Internal: false), TicketDesk.CustomerA, Receipt(mail, IntakeOutcome.Appended), default)));

        var result = await loser.ReceiveAsync(mail, default);

        Assert.Equal((IntakeOutcome.Appended, ticket.Id, true), (result.Outcome, result.TicketId, result.Duplicate));
        Assert.Single(await _desk.AllRowsAsync(), row => row.RowKey.StartsWith("ticket|", StringComparison.Ordinal));
        Assert.Single(await _desk.EventsAsync(ticket.Id), e => e.Kind == TicketEventKind.Reply);
    }

    /// <summary>Email intake over the desk's tables, through its own table client (with <paramref name="policy"/>, if any).</summary>
    private EmailIntake Intake(HttpPipelinePolicy? policy = null)
    {
        var options = new TableClientOptions();
        if (policy is not null)
        {
            options.AddPolicy(policy, Azure.Core.HttpPipelinePosition.PerCall);
        }

        var table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient(_desk.TicketsTable.Name);
        var store = new TicketStore(new EnsuredTable(table));
        _stores.Add(store);
        var service = new TicketService(store, _desk.Customers, new NoSlaTargets(), _desk.Outbox, _desk.Clock, NullLogger<TicketService>.Instance);
        var roster = Options.Create(new SupportRosterOptions { Agents = [new SupportPerson { Name = "Agnes Agent", Email = TicketDesk.Agent.Email }] });
        return new EmailIntake(service, store, new MailThreadIndex(new EnsuredTable(table)), _desk.Customers, roster, new HelpdeskMetrics(new UnsharedMeterFactory()), NullLogger<EmailIntake>.Instance);
    }

    private static IdempotencyClaim Receipt(InboundEmail mail, IntakeOutcome outcome) =>
        new(TicketKeys.Mail(MessageIds.Normalize(mail.MessageId!)), mail.From!.Email!) { Outcome = EnumText.Of(outcome) };

    private static InboundEmail Mail(string from, string subject, string text) =>
        new($"<{Guid.NewGuid():N}@mail.example>", new InboundAddress(null, from), ["support@infoflopay.example"], subject, text, null, null, null, null);
}
