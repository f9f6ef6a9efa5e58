using System.Text;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Intake;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Attachments;
using InfoFloPay.Functions.Customers;
using InfoFloPay.Functions.Operations.Telemetry;
using InfoFloPay.Functions.Roster;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Intake;

/// <summary>
/// Turns inbound email into tickets and replies (docs/notifications.md, "Email intake"). Machine-sent mail is dropped; a
/// Message-ID seen before returns its first result; a reply threads into the ticket its In-Reply-To, References or
/// <c>[IFP-n]</c> subject tag names only when the sender is on that ticket; anything else is a new conversation.
/// </summary>
public sealed class EmailIntake(
    TicketService tickets,
    TicketStore store,
    MailThreadIndex threads,
    CustomerDirectory customers,
    IOptions<SupportRosterOptions> roster,
    HelpdeskMetrics metrics,
    ILogger<EmailIntake> logger,
    AttachmentService? attachments = null)
{
    /// <summary>Category of a ticket from a sender no customer account lists; staff find these in the triage queue.</summary>
    public const string UnknownSenderCategory = "unknown-sender";

    /// <summary>Category of a ticket held for review: mail from a staff address, or mail that failed authentication. Its
    /// sender is not acknowledged (<see cref="Notifications.NotificationPlanner"/>): the address may be forged.</summary>
    public const string UnverifiedSenderCategory = "unverified-sender";

    private const string NoSubject = "(no subject)";

    private const string EmptyMessage = "(empty message)";

    /// <summary>The desk itself, opening tickets and writing triage notes for mail.</summary>
    public static readonly Caller Desk = Caller.System("email intake");

    public async Task<IntakeResult> ReceiveAsync(InboundEmail email, CancellationToken cancellationToken)
    {
        var mail = InboundEmailRules.Validate(email);
        if (AutoSubmittedMail.Reason(mail.SenderEmail, mail.Headers, mail.Subject, roster.Value.SupportAddress) is { } drop)
        {
            metrics.IntakeDrop(drop);
            logger.LogInformation("Inbound mail {MessageId} from {Sender} dropped ({DropRule}): {Reason}",
                mail.MessageId, mail.SenderEmail, EnumText.Of(drop.Rule), drop.Detail);
            return IntakeResult.Dropped(drop.Detail);
        }

        var (receiptId, first) = await FindReceiptAsync(mail, cancellationToken).ConfigureAwait(false);
        if (first is { Ticket: not null })
        {
            var replay = Replay(first);
            logger.LogInformation("Email {MessageId} was handled before: {Outcome} {TicketId}", mail.MessageId, replay.Outcome, replay.TicketId);
            if (replay.Outcome == IntakeOutcome.Created)
            {
                await RetryTriageNoteAsync(mail, receiptId, replay.TicketId!, cancellationToken).ConfigureAwait(false);
            }

            // The first copy may have died before its files were stored: their ids are stable, so only the missing go on.
            return await WithAttachmentsAsync(mail, receiptId, replay, cancellationToken).ConfigureAwait(false);
        }

        var sender = await IdentifyAsync(mail, cancellationToken).ConfigureAwait(false);
        var thread = await FindThreadAsync(mail, sender, cancellationToken).ConfigureAwait(false);
        if (thread.Target is { } target)
        {
            try
            {
                return await WithAttachmentsAsync(mail, receiptId, await AppendAsync(mail, receiptId, target, cancellationToken).ConfigureAwait(false), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (RequestRejectedException ex) when (ex.Kind == Rejection.Conflict)
            {
                // Closed between reading it and replying: the mail starts a new conversation instead.
                thread = thread with { Closed = [.. thread.Closed, target.Stored.Ticket.Id] };
            }
        }

        return await WithAttachmentsAsync(mail, receiptId, await CreateAsync(mail, receiptId, sender, thread, cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The mail's files on the ticket it became or joined, through <see cref="AttachmentService"/> (its size and type
    /// rules; a refused file is noted on the timeline and the mail still counts). After the mail's own commit, so a file
    /// never holds the mail back.
    /// </summary>
    private async Task<IntakeResult> WithAttachmentsAsync(InboundMail mail, string receiptId, IntakeResult result, CancellationToken cancellationToken)
    {
        if (attachments is not null && mail.Attachments.Count > 0 && result is { TicketId: { } ticketId, Outcome: IntakeOutcome.Created or IntakeOutcome.Appended })
        {
            var sender = new EventActor(mail.SenderEmail, mail.SenderName, EnumText.Of(CallerRole.Customer));
            var added = await attachments.AddFromMailAsync(ticketId, receiptId, mail.Attachments, sender, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Email {MessageId} carried {Files} files; {Added} added to ticket {TicketId}", mail.MessageId, mail.Attachments.Count, added.Count, ticketId);
        }

        return result;
    }

    /// <summary>
    /// The receipt this mail commits with, and what the first copy of it produced if it was handled before. A receipt
    /// records its sender: one claimed by someone else (a reused or forged Message-ID, or the Message-ID of a mail the
    /// desk sent) neither answers for this mail nor swallows it — this mail gets a receipt of its own, keyed by sender too.
    /// </summary>
    private async Task<(string ReceiptId, IdempotencyRecord? First)> FindReceiptAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        var first = await store.FindIdempotencyAsync(TicketKeys.Mail(mail.MessageId), cancellationToken).ConfigureAwait(false);
        if (first is null || (first.Ticket is not null && first.RequestHash == mail.SenderEmail))
        {
            return (mail.MessageId, first);
        }

        logger.LogWarning("Email {MessageId} from {Sender} reuses a Message-ID {Owner} used", mail.MessageId, mail.SenderEmail,
            first.Ticket is null ? "the desk's own mail" : "another sender");
        var ownId = mail.MessageId + "\n" + mail.SenderEmail;
        return (ownId, await store.FindIdempotencyAsync(TicketKeys.Mail(ownId), cancellationToken).ConfigureAwait(false));
    }

    private async Task<IntakeResult> AppendAsync(InboundMail mail, string receiptId, ThreadTarget target, CancellationToken cancellationToken)
    {
        var text = ReplyText(mail.Text);
        var receipt = new IdempotencyClaim(TicketKeys.Mail(receiptId), mail.SenderEmail) { Outcome = EnumText.Of(IntakeOutcome.Appended) };
        // The ticket as FindThreadAsync read it: the reply's batch is conditional on that read, so it is not read twice.
        var result = target.Voice.Internal
            ? await tickets.AddRequesterNoteOnceAsync(
                target.Stored, InboundEmailRules.Fit($"Email from {Display(mail)}:\n\n{text}"), target.Voice.Caller, receipt, cancellationToken).ConfigureAwait(false)
            : await tickets.AddReplyOnceAsync(target.Stored, new ReplyRequest(text, Internal: false), target.Voice.Caller, receipt, cancellationToken).ConfigureAwait(false);
        if (result.Replayed)
        {
            return await WinnerAsync(receiptId, cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("Email {MessageId} from {Sender} added to ticket {TicketId}{AsNote}",
            mail.MessageId, mail.SenderEmail, target.Stored.Ticket.Id, target.Voice.Internal ? " as an internal note" : string.Empty);
        return new IntakeResult(IntakeOutcome.Appended, result.Ticket.Id, null, Duplicate: false);
    }

    private async Task<IntakeResult> CreateAsync(InboundMail mail, string receiptId, MailSender sender, MailThread thread, CancellationToken cancellationToken)
    {
        var subject = MailSubject.Clean(mail.Subject);
        subject = subject.Length == 0 ? NoSubject : subject[..Math.Min(subject.Length, TicketRules.SubjectMaxLength)].Trim();
        var request = new NewTicketRequest(
            subject,
            string.IsNullOrWhiteSpace(mail.Text) ? EmptyMessage : mail.Text,
            new RequesterInput(mail.SenderName, mail.SenderEmail),
            sender.AccountId,
            Priority: null,
            sender.Unverified is not null ? UnverifiedSenderCategory : sender.IsStranger ? UnknownSenderCategory : null);
        var created = await tickets.CreateOnceAsync(
            request,
            Desk,
            TicketChannel.Email,
            new IdempotencyClaim(TicketKeys.Mail(receiptId), mail.SenderEmail) { Outcome = EnumText.Of(IntakeOutcome.Created) },
            cancellationToken).ConfigureAwait(false);
        if (created.Replayed && await WinnerAsync(receiptId, cancellationToken).ConfigureAwait(false) is { Outcome: not IntakeOutcome.Created } winner)
        {
            return winner;
        }

        var ticketId = created.Ticket.Id;
        logger.LogInformation("Email {MessageId} from {Sender} opened ticket {TicketId} for {CustomerId}",
            mail.MessageId, mail.SenderEmail, ticketId, sender.AccountId);

        await WriteTriageNoteAsync(mail, TriageNoteReceipt(mail, receiptId), ticketId, sender, thread, cancellationToken).ConfigureAwait(false);
        return new IntakeResult(IntakeOutcome.Created, ticketId, null, created.Replayed);
    }

    /// <summary>
    /// The triage note of a ticket a first copy of this mail opened: that copy may have died between committing the ticket
    /// and writing the note (which carries "Unknown sender"), so a redelivery writes it — once, by the note's own receipt.
    /// </summary>
    private async Task RetryTriageNoteAsync(InboundMail mail, string receiptId, string ticketId, CancellationToken cancellationToken)
    {
        var receipt = TriageNoteReceipt(mail, receiptId);
        if (await store.IdempotencyKeyUsedAsync(receipt.RowKey, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var sender = await IdentifyAsync(mail, cancellationToken).ConfigureAwait(false);
        var thread = await FindThreadAsync(mail, sender, cancellationToken).ConfigureAwait(false);
        try
        {
            await WriteTriageNoteAsync(mail, receipt, ticketId, sender, thread, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestRejectedException ex) when (ex.Kind == Rejection.Conflict)
        {
            // Closed since: staff have dealt with it, and the redelivery still gets its replay rather than a 409.
            logger.LogWarning("Triage note for ticket {TicketId} from email {MessageId} skipped: the ticket is closed", ticketId, mail.MessageId);
        }
    }

    private async Task WriteTriageNoteAsync(
        InboundMail mail, IdempotencyClaim receipt, string ticketId, MailSender sender, MailThread thread, CancellationToken cancellationToken)
    {
        if (TriageNote(mail, sender, thread) is { } note)
        {
            await tickets.AddReplyOnceAsync(ticketId, new ReplyRequest(note, Internal: true), Desk, receipt, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IdempotencyClaim TriageNoteReceipt(InboundMail mail, string receiptId) =>
        new(TicketKeys.Mail(receiptId + "\n#triage-note"), mail.SenderEmail);

    /// <summary>
    /// The answer of a copy of this mail that lost the race for its receipt to another copy, which may have decided
    /// differently (appended where this one created, or the reverse): what the winner stored.
    /// </summary>
    private async Task<IntakeResult> WinnerAsync(string receiptId, CancellationToken cancellationToken)
    {
        var winner = await store.FindIdempotencyAsync(TicketKeys.Mail(receiptId), cancellationToken).ConfigureAwait(false);
        return winner is { Ticket: not null }
            ? Replay(winner)
            : throw new InvalidOperationException($"The receipt of {receiptId} vanished after a race for it was lost.");
    }

    /// <summary>What the first copy of a mail did, answered again.</summary>
    private static IntakeResult Replay(IdempotencyRecord first) =>
        new(EnumText.TryParse<IntakeOutcome>(first.Outcome ?? string.Empty, out var outcome) ? outcome : IntakeOutcome.Created,
            first.Ticket?.Id, null, Duplicate: true);

    /// <summary>What staff should know at triage that the customer must not see: an unknown sender, a priority the
    /// sender asked for, a ticket the mail named but could not join.</summary>
    private static string? TriageNote(InboundMail mail, MailSender sender, MailThread thread)
    {
        var note = new StringBuilder();
        if (sender.Unverified is { } unverified)
        {
            note.Append("Held for review: ").Append(unverified).Append(". The desk cannot tell that ").Append(mail.SenderEmail)
                .AppendLine(" really sent this, so it was added to no ticket, published to no customer, and nobody was emailed (not even an acknowledgement). Check with the sender another way before acting on it. Staff answer customers in the console, never by mail.");
        }
        else if (sender.IsStranger)
        {
            note.Append("Unknown sender: ").Append(mail.SenderEmail)
                .AppendLine(" is not in any customer account (no member or email-domain match), so this ticket belongs to no account and no customer user can see it. Check who they are before replying; add them to their account for the future.");
        }

        if (MailSubject.HighPriorityMarker(mail.Subject, mail.Headers) is { } marker)
        {
            note.Append("Marked high priority by the sender (").Append(marker)
                .AppendLine("). Email tickets start at medium; set the priority at triage.");
        }

        if (thread.Refused.Count > 0)
        {
            note.Append("This email referred to ").AppendJoin(", ", thread.Refused)
                .AppendLine(", but the sender is not on that ticket, so it was not added there.");
        }

        if (thread.Closed.Count > 0)
        {
            note.Append("Follow-up to closed ticket ").AppendJoin(", ", thread.Closed).AppendLine(".");
        }

        return note.Length == 0 ? null : note.ToString().TrimEnd();
    }

    private async Task<MailSender> IdentifyAsync(InboundMail mail, CancellationToken cancellationToken)
    {
        if ((StaffAddress(mail.SenderEmail) ?? MailAuthentication.FailureReason(mail.Headers)) is { } unverified)
        {
            logger.LogWarning("Email {MessageId} from {Sender} held for review: {Reason}", mail.MessageId, mail.SenderEmail, unverified);
            return new MailSender(mail.SenderEmail, mail.SenderName, null, unverified);
        }

        var account = await customers.FindAccountIdForAsync(mail.SenderEmail, cancellationToken).ConfigureAwait(false);
        return new MailSender(mail.SenderEmail, mail.SenderName, account);
    }

    /// <summary>
    /// Why the sender is one of the desk's own people (a roster agent, the Operations Manager, anyone at the support
    /// address's domain), or null. Anyone can type such an address into <c>From</c>; what staff say to customers goes
    /// through the console, where they are signed in.
    /// </summary>
    private string? StaffAddress(string sender)
    {
        var team = roster.Value;
        if (team.Agents.Select(agent => agent.Email).Append(team.OperationsManager.Email).Any(email => Same(email, sender)))
        {
            return $"sent from the staff address {sender}";
        }

        return Same(DomainOf(team.SupportAddress), DomainOf(sender)) ? $"sent from the staff domain {DomainOf(sender)}" : null;
    }

    /// <summary>The first ticket the mail names (In-Reply-To, References, then subject tags) that the sender is on and that
    /// is not closed; the others are remembered for the triage note.</summary>
    private async Task<MailThread> FindThreadAsync(InboundMail mail, MailSender sender, CancellationToken cancellationToken)
    {
        var named = (await threads.TicketsOfAsync(mail.ThreadIds, cancellationToken).ConfigureAwait(false))
            .Concat(MailSubject.TicketRefs(mail.Subject))
            .Where(TicketIds.IsValid)
            .Distinct(StringComparer.Ordinal);
        var refused = new List<string>();
        var closed = new List<string>();
        foreach (var id in named)
        {
            if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                continue;
            }

            if (sender.VoiceOn(stored.Ticket) is not { } voice)
            {
                logger.LogWarning("Email {MessageId} from {Sender} names ticket {TicketId}, which the sender is not on", mail.MessageId, mail.SenderEmail, id);
                refused.Add(id);
            }
            else if (stored.Ticket.Status == TicketStatus.Closed)
            {
                closed.Add(id);
            }
            else
            {
                return new MailThread(new ThreadTarget(stored, voice), refused, closed);
            }
        }

        return new MailThread(null, refused, closed);
    }

    private static string ReplyText(string text)
    {
        var reply = QuotedReply.Strip(text);
        return reply.Length > 0 ? reply : text.Trim().Length > 0 ? text.Trim() : EmptyMessage;
    }

    private static string Display(InboundMail mail) => mail.SenderName is { } name ? $"{name} <{mail.SenderEmail}>" : mail.SenderEmail;

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..].Trim();

    private static bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private sealed record ThreadTarget(StoredTicket Stored, TicketVoice Voice);

    private sealed record MailThread(ThreadTarget? Target, IReadOnlyList<string> Refused, IReadOnlyList<string> Closed);
}
