using Azure.Core.Pipeline;
using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Intake;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Intake;
using InfoFloPay.Functions.Roster;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;
using InfoFloPay.IntegrationTests.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InfoFloPay.IntegrationTests.Intake;

/// <summary>Intake after things went wrong: a crash between a mail's ticket and its triage note.</summary>
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
        return new EmailIntake(service, store, new MailThreadIndex(new EnsuredTable(table)), _desk.Customers, roster, NullLogger<EmailIntake>.Instance);
    }

    private static IdempotencyClaim Receipt(InboundEmail mail, IntakeOutcome outcome) =>
        new(TicketKeys.Mail(MessageIds.Normalize(mail.MessageId!)), mail.From!.Email!) { Outcome = EnumText.Of(outcome) };

    private static InboundEmail Mail(string from, string subject, string text) =>
        new($"<{Guid.NewGuid():N}@mail.example>", new InboundAddress(null, from), ["support@infoflopay.example"], subject, text, null, null, null, null);
}
