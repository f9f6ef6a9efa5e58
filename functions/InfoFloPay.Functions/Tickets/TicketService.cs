using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Customers;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Agents;
using InfoFloPay.Functions.Customers;
using InfoFloPay.Functions.Notifications.Paging;
using InfoFloPay.Functions.Operations.Telemetry;
using InfoFloPay.Functions.Sla;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// The ticket lifecycle for every entry point (HTTP, email intake, monitoring): validates, authorizes, applies the
/// state machine, stores the change in one batch and publishes its events. Callers that may not see a ticket are
/// told it does not exist.
/// </summary>
public sealed class TicketService(
    TicketStore store,
    CustomerDirectory customers,
    ISlaCalculator sla,
    TicketOutbox outbox,
    TimeProvider clock,
    ILogger<TicketService> logger,
    PagingPlanSource? paging = null,
    SlaDueMessages? due = null)
{
    public Task<TicketResult> CreateAsync(NewTicketRequest request, Caller caller, TicketChannel channel, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var claim = idempotencyKey is null ? null : new IdempotencyClaim(TicketKeys.Idempotency(caller.Email, idempotencyKey), RequestHash(request, channel));
        return OpenAsync(request, caller, channel, claim, cancellationToken);
    }

    /// <summary>
    /// Opens a ticket at most once for <paramref name="receipt"/> (e.g. an inbound mail's Message-ID): the receipt
    /// commits with the ticket, and a repeat with the same <see cref="IdempotencyClaim.RequestHash"/> (the claimant, e.g.
    /// the sender) returns the first ticket whatever else the request says; another claimant is refused (422).
    /// </summary>
    public Task<TicketResult> CreateOnceAsync(NewTicketRequest request, Caller caller, TicketChannel channel, IdempotencyClaim receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return OpenAsync(request, caller, channel, receipt, cancellationToken);
    }

    private async Task<TicketResult> OpenAsync(
        NewTicketRequest request, Caller caller, TicketChannel channel, IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        if (!caller.IsStaff && caller.CustomerId is null)
        {
            throw RequestRejectedException.Forbidden("Your email is not registered with a customer account; ask your account manager to add you.");
        }

        var draft = TicketRules.Validate(request, caller, channel);
        var tier = CustomerTier.Essentials;
        if (draft.CustomerId is { } customerId)
        {
            var account = await customers.FindCachedAsync(customerId, cancellationToken).ConfigureAwait(false);
            if (account is null)
            {
                var errors = new ValidationErrors();
                errors.Add("customerId", $"No customer account '{customerId}' is registered.");
                errors.ThrowIfAny();
            }

            tier = account!.Tier;
        }

        var now = clock.GetUtcNow();
        var id = await store.NextIdAsync(cancellationToken).ConfigureAwait(false);
        using var scope = TicketLogScope.Begin(logger, id);
        var opened = TicketLifecycle.Open(id, draft, EnumText.Of(tier), caller, now);
        opened = opened with { Ticket = opened.Ticket with { Sla = sla.Evaluate(opened.Ticket, now) } };
        opened = SlaMilestones.Record(before: null, opened, now);
        opened = Paged(before: null, opened, now);

        CommittedChange committed;
        try
        {
            committed = await store.CreateAsync(opened, claim, cancellationToken).ConfigureAwait(false);
        }
        catch (IdempotencyKeyTakenException)
        {
            return await ReplayAsync(claim!, "This Idempotency-Key was used with a different request; use a new key for a new ticket.", cancellationToken)
                .ConfigureAwait(false);
        }

        logger.LogInformation("Ticket {TicketId} opened by {Caller} via {Channel} for {CustomerId}", id, caller.Email, channel, draft.CustomerId);
        await outbox.PublishAsync(committed.Outbox, cancellationToken).ConfigureAwait(false);
        await ScheduleDueAsync(committed, cancellationToken).ConfigureAwait(false);
        return new TicketResult(committed.Ticket, committed.ETag, Replayed: false);
    }

    public async Task<StoredTicket> GetAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var stored = TicketIds.IsValid(id) ? await store.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return stored is not null && TicketPermissions.MayRead(caller, stored.Ticket) ? stored : throw RequestRejectedException.NotFound($"Ticket {id}");
    }

    public Task<TicketPage> ListAsync(TicketListRequest request, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return store.ListAsync(request.ToQuery(caller), cancellationToken);
    }

    public Task<TicketPage> QueueAsync(Caller caller, string? top, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsStaff)
        {
            throw RequestRejectedException.Forbidden("Only support staff see the triage queue.");
        }

        return store.QueueAsync(TicketListRequest.ParseTop(top), continuationToken, cancellationToken);
    }

    public async Task<IReadOnlyList<TicketEvent>> EventsAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!TicketIds.IsValid(id) || (!caller.IsStaff && caller.CustomerId is null))
        {
            throw RequestRejectedException.NotFound($"Ticket {id}");
        }

        var events = await store.GetEventsAsync(id, caller.IsStaff ? null : caller.CustomerId, cancellationToken).ConfigureAwait(false);
        return events.Count > 0 ? events : throw RequestRejectedException.NotFound($"Ticket {id}");
    }

    public Task<StoredTicket> TriageAsync(string id, TriageRequest request, Caller caller, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var (priority, assignee) = TicketRules.Validate(request);
        return ChangeAsync(id, caller, ifMatch, (ticket, now) => TicketLifecycle.Triage(ticket, priority, assignee, caller, now), cancellationToken);
    }

    public Task<StoredTicket> AddReplyAsync(string id, ReplyRequest request, Caller caller, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var (body, isInternal) = TicketRules.Validate(request);
        return ChangeAsync(id, caller, ifMatch, (ticket, now) => TicketLifecycle.Reply(ticket, body, isInternal, caller, now), cancellationToken);
    }

    /// <summary>
    /// A reply made at most once for <paramref name="receipt"/> (e.g. an inbound mail's Message-ID): the receipt commits
    /// with the reply, and a repeat by the same claimant changes nothing and returns the ticket as the first one left it;
    /// another claimant is refused (422).
    /// </summary>
    public Task<TicketResult> AddReplyOnceAsync(string id, ReplyRequest request, Caller caller, IdempotencyClaim receipt, CancellationToken cancellationToken)
    {
        var (body, isInternal) = TicketRules.Validate(request);
        return ReplyOnceAsync(id, read: null, caller, receipt, (ticket, now) => TicketLifecycle.Reply(ticket, body, isInternal, caller, now), cancellationToken);
    }

    /// <summary>
    /// <see cref="AddReplyOnceAsync(string, ReplyRequest, Caller, IdempotencyClaim, CancellationToken)"/> on a ticket the
    /// caller has just read from the store (intake, to see whether the sender is on it): the change starts from that read
    /// instead of reading the ticket again, and a ticket changed since is re-read and the reply re-applied.
    /// </summary>
    public Task<TicketResult> AddReplyOnceAsync(StoredTicket read, ReplyRequest request, Caller caller, IdempotencyClaim receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (body, isInternal) = TicketRules.Validate(request);
        return ReplyOnceAsync(read.Ticket.Id, read, caller, receipt, (ticket, now) => TicketLifecycle.Reply(ticket, body, isInternal, caller, now), cancellationToken);
    }

    /// <summary>
    /// Mail from the requester of a ticket no account vouches for, as an internal note <paramref name="relay"/> writes once
    /// per <paramref name="receipt"/> over <paramref name="read"/> (see <see cref="TicketLifecycle.RequesterNote"/>).
    /// </summary>
    public Task<TicketResult> AddRequesterNoteOnceAsync(StoredTicket read, string body, Caller relay, IdempotencyClaim receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (note, _) = TicketRules.Validate(new ReplyRequest(body, Internal: true));
        return ReplyOnceAsync(read.Ticket.Id, read, relay, receipt, (ticket, now) => TicketLifecycle.RequesterNote(ticket, note, relay, now), cancellationToken);
    }

    private async Task<TicketResult> ReplyOnceAsync(
        string id, StoredTicket? read, Caller caller, IdempotencyClaim receipt, Func<Ticket, DateTimeOffset, TicketChange> reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        try
        {
            var stored = await ChangeAsync(id, caller, ifMatch: null, reply, cancellationToken, receipt, read).ConfigureAwait(false);
            return new TicketResult(stored.Ticket, stored.ETag, Replayed: false);
        }
        catch (IdempotencyKeyTakenException)
        {
            return await ReplayAsync(receipt, "This receipt was claimed by another request at the same moment; retry.", cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>An internal note: a staff reply the customer never sees and that notifies no one.</summary>
    public Task<StoredTicket> AppendNoteAsync(string id, string body, Caller caller, CancellationToken cancellationToken) =>
        AddReplyAsync(id, new ReplyRequest(body, Internal: true), caller, ifMatch: null, cancellationToken);

    public Task<StoredTicket> ChangeStatusAsync(string id, StatusChangeRequest request, Caller caller, ETag? ifMatch, CancellationToken cancellationToken)
    {
        var (status, note) = TicketRules.Validate(request);
        return ChangeAsync(id, caller, ifMatch, (ticket, now) => TicketLifecycle.ChangeStatus(ticket, status, note, caller, now), cancellationToken);
    }

    /// <summary>
    /// Records on the timeline that a notification went out: public only when it is <paramref name="customerFacing"/>
    /// mail that went to the requester alone and the requester is a user of the ticket's account (the customer sees
    /// the mail they were sent), internal otherwise — a staff requester (a ticket staff opened for an account, a
    /// monitoring incident) must not show the customer staff mail and addresses. <paramref name="notificationKey"/>
    /// identifies the notification (e.g. the message id and recipient); recording the same key again does nothing and
    /// returns false, so redelivered messages leave one entry. Returns false, recording nothing, for a ticket that does
    /// not exist.
    /// </summary>
    public async Task<bool> RecordNotificationSentAsync(
        string ticketId, string notificationKey, string channel, IReadOnlyList<string> recipients, string? subject, bool customerFacing, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(notificationKey);
        ArgumentNullException.ThrowIfNull(recipients);
        var stored = TicketIds.IsValid(ticketId) ? await store.GetAsync(ticketId, cancellationToken).ConfigureAwait(false) : null;
        if (stored is null)
        {
            return false;
        }

        var toCustomer = customerFacing && channel == "email" && recipients.Count > 0
            && recipients.All(to => string.Equals(to, stored.Ticket.Requester.Email, StringComparison.OrdinalIgnoreCase))
            && await IsCustomerUserAsync(stored.Ticket.Requester.Email, stored.Ticket.CustomerId, cancellationToken).ConfigureAwait(false);
        var recorded = new TicketEvent
        {
            Id = TicketKeys.NotificationEventId(notificationKey),
            TicketId = ticketId,
            Kind = TicketEventKind.NotificationSent,
            Visibility = toCustomer ? EventVisibility.Public : EventVisibility.Internal,
            OccurredAt = clock.GetUtcNow(),
            Actor = new EventActor(Caller.System("notifications").Email, "Notifications", EnumText.Of(CallerRole.System)),
            Channel = channel,
            Recipients = recipients,
            Note = subject,
        };
        return await store.AppendStandaloneEventAsync(recorded, stored.Ticket.CustomerId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="email"/> belongs to account <paramref name="customerId"/> in the registry;
    /// staff never do, since they are staff by app role, not by registration.</summary>
    private async Task<bool> IsCustomerUserAsync(string email, string? customerId, CancellationToken cancellationToken) =>
        customerId is not null
        && string.Equals(await customers.FindAccountIdForAsync(email, cancellationToken).ConfigureAwait(false), customerId, StringComparison.Ordinal);

    /// <summary>
    /// Applies <paramref name="change"/> once per <paramref name="idempotencyKey"/> of this caller: a repeat (a retried
    /// timer run, a redelivered message) changes nothing. For the desk's own callers (monitoring, intake).
    /// </summary>
    public async Task ChangeOnceAsync(string id, Caller caller, string idempotencyKey, Func<Ticket, DateTimeOffset, TicketChange> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var claim = new IdempotencyClaim(TicketKeys.Idempotency(caller.Email, idempotencyKey), "change");
        if (await store.IdempotencyKeyUsedAsync(claim.RowKey, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await ChangeAsync(id, caller, null, change, cancellationToken, claim).ConfigureAwait(false);
        }
        catch (IdempotencyKeyTakenException)
        {
            logger.LogInformation("Change {IdempotencyKey} on ticket {TicketId} was already applied", idempotencyKey, id);
        }
    }

    /// <summary>Applies <paramref name="change"/> to ticket <paramref name="id"/>, starting from <paramref name="read"/> when
    /// the caller has just read it (then without If-Match: a ticket changed since is re-read and the change re-applied).</summary>
    private async Task<StoredTicket> ChangeAsync(
        string id, Caller caller, ETag? ifMatch, Func<Ticket, DateTimeOffset, TicketChange> change, CancellationToken cancellationToken, IdempotencyClaim? claim = null, StoredTicket? read = null)
    {
        if (!TicketIds.IsValid(id))
        {
            throw RequestRejectedException.NotFound($"Ticket {id}");
        }

        using var scope = TicketLogScope.Begin(logger, id);
        TicketChange Apply(Ticket ticket)
        {
            if (!TicketPermissions.MayRead(caller, ticket))
            {
                throw RequestRejectedException.NotFound($"Ticket {id}");
            }

            var now = clock.GetUtcNow();
            return Evaluated(ticket, change(ticket, now), now);
        }

        var committed = read is null
            ? await store.UpdateAsync(id, ifMatch, Apply, cancellationToken, claim).ConfigureAwait(false)
            : await store.UpdateAsync(read, Apply, cancellationToken, claim).ConfigureAwait(false);

        logger.LogInformation("Ticket {TicketId} changed by {Caller}: {Events}", id, caller.Email, string.Join(", ", committed.Outbox.Select(m => m.Event.Type)));
        await outbox.PublishAsync(committed.Outbox, cancellationToken).ConfigureAwait(false);
        await ScheduleDueAsync(committed, cancellationToken).ConfigureAwait(false);
        return new StoredTicket(committed.Ticket, committed.ETag);
    }

    /// <summary>A change as every path stores it: the SLA recomputed on the changed ticket, its milestones on the timeline.</summary>
    private TicketChange Evaluated(Ticket before, TicketChange applied, DateTimeOffset now)
    {
        applied = applied with { Ticket = applied.Ticket with { Sla = sla.Evaluate(applied.Ticket, now) } };
        return Paged(before, SlaMilestones.Record(before, applied, now), now);
    }

    /// <summary>The committed ticket's next due instant (SLA milestone or escalation step) as a scheduled message.</summary>
    private Task ScheduleDueAsync(CommittedChange committed, CancellationToken cancellationToken) =>
        due is null ? Task.CompletedTask : due.ScheduleAsync(committed.Ticket, cancellationToken);

    /// <summary>The change's paging consequences (a ticket that became urgent is paged, a staff public reply acknowledges);
    /// none when paging is not set up (unit hosts).</summary>
    private TicketChange Paged(Ticket? before, TicketChange change, DateTimeOffset now) =>
        paging is null ? change : UrgentPaging.Record(before, change, now, paging.Plan);

    /// <summary>
    /// Staff acknowledge the page of ticket <paramref name="id"/> (<c>POST /api/tickets/{id}/acknowledge</c>): its
    /// escalation stops. Acknowledging again changes nothing; customers are refused (403), a ticket never paged is 409.
    /// </summary>
    public Task<StoredTicket> AcknowledgeAsync(string id, Caller caller, ETag? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return ChangeAsync(id, caller, ifMatch, (ticket, now) => caller.IsStaff
            ? UrgentPaging.Acknowledge(ticket, new EventActor(caller.Email, caller.Name, EnumText.Of(caller.Role)), AcknowledgedVia.Console, now)
            : throw RequestRejectedException.Forbidden("Only support staff acknowledge pages."), cancellationToken);
    }

    /// <summary>
    /// The paged person acknowledges through a checked link: only while <paramref name="link"/>'s page is the ticket's
    /// current one and nobody has acknowledged it (else nothing changes and the outcome says why).
    /// </summary>
    public async Task<(PageLinkOutcome Outcome, TicketPaging? Paging)> AcknowledgeByLinkAsync(PageLink link, string pagedPerson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!TicketIds.IsValid(link.TicketId))
        {
            return (PageLinkOutcome.NotCurrent, null);
        }

        var outcome = PageLinkOutcome.Acknowledged;
        var actor = new EventActor(pagedPerson, null, EnumText.Of(CallerRole.System));
        CommittedChange? committed;
        try
        {
            committed = await store.UpdateIfChangedAsync(link.TicketId, ticket =>
            {
                if (ticket.Paging is not { } current || current.PageId != link.PageId)
                {
                    outcome = PageLinkOutcome.NotCurrent;
                    return null;
                }

                if (current.IsAcknowledged)
                {
                    outcome = PageLinkOutcome.AlreadyAcknowledged;
                    return null;
                }

                outcome = PageLinkOutcome.Acknowledged;
                var now = clock.GetUtcNow();
                return Evaluated(ticket, UrgentPaging.Acknowledge(ticket, actor, AcknowledgedVia.Link, now), now);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestRejectedException ex) when (ex.Kind == Rejection.NotFound)
        {
            return (PageLinkOutcome.NotCurrent, null);
        }

        if (committed is not null)
        {
            logger.LogInformation("Ticket {TicketId} page {PageId} acknowledged by link (step {Step})", link.TicketId, link.PageId, link.Step);
            await outbox.PublishAsync(committed.Outbox, cancellationToken).ConfigureAwait(false);
            return (outcome, committed.Ticket.Paging);
        }

        var read = await store.GetAsync(link.TicketId, cancellationToken).ConfigureAwait(false);
        return (outcome, read?.Ticket.Paging);
    }

    /// <summary>
    /// Routing's change of ticket <paramref name="id"/>, decided on the ticket and the agents' board as committed (both
    /// re-read and <paramref name="change"/> asked again when either moved), then stored and published like any other
    /// change: a routed assignment is a triage, so the SLA is recomputed and the assignee hears of it as from a person.
    /// <paramref name="change"/> returns null when there is nothing to do (a person triaged meanwhile, or a redelivered
    /// message finds its work done); then nothing is written and null is returned.
    /// </summary>
    public async Task<StoredTicket?> RouteAsync(string id, Caller router, Func<Ticket, AgentBoard, DateTimeOffset, TicketChange?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(change);
        using var scope = TicketLogScope.Begin(logger, id);
        var committed = await store.UpdateWithAgentsAsync(id, (ticket, board) =>
        {
            var now = clock.GetUtcNow();
            return change(ticket, board, now) is { } routed ? Evaluated(ticket, routed, now) : null;
        }, cancellationToken).ConfigureAwait(false);
        if (committed is null)
        {
            return null;
        }

        logger.LogInformation("Ticket {TicketId} routed by {Caller}: {Events}", id, router.Email, string.Join(", ", committed.Outbox.Select(m => m.Event.Type)));
        await outbox.PublishAsync(committed.Outbox, cancellationToken).ConfigureAwait(false);
        await ScheduleDueAsync(committed, cancellationToken).ConfigureAwait(false);
        return new StoredTicket(committed.Ticket, committed.ETag);
    }

    /// <summary>Appends <paramref name="e"/> to the timeline of <paramref name="ticket"/> on its own (it changes nothing
    /// else), keyed by its id so a repeat records nothing; false when an event with that id was already there.</summary>
    public Task<bool> AppendEventOnceAsync(Ticket ticket, TicketEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return store.AppendStandaloneEventAsync(e, ticket.CustomerId, cancellationToken);
    }

    /// <summary>What the first request with <paramref name="claim"/> produced; another request's claim is refused (422).</summary>
    private async Task<TicketResult> ReplayAsync(IdempotencyClaim claim, string mismatchDetail, CancellationToken cancellationToken)
    {
        var first = await store.FindIdempotencyAsync(claim.RowKey, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Idempotency record {claim.RowKey} vanished after a conflict.");
        if (first.Ticket is not { } ticket || first.RequestHash != claim.RequestHash)
        {
            throw new RequestRejectedException(Rejection.IdempotencyMismatch, mismatchDetail);
        }

        var current = await store.GetAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
        return new TicketResult(ticket, current?.ETag ?? default, Replayed: true);
    }

    private static string RequestHash(NewTicketRequest request, TicketChannel channel) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { request, channel }, HelpdeskJson.Options)));
}

/// <summary>What an acknowledgement link did: acknowledged the page, or nothing, since someone already had or the page
/// is not the ticket's current one (or the ticket is gone).</summary>
public enum PageLinkOutcome
{
    Acknowledged,
    AlreadyAcknowledged,
    NotCurrent,
}

/// <summary>A create's outcome; <see cref="Replayed"/> when an Idempotency-Key retry returned the first response.</summary>
public sealed record TicketResult(Ticket Ticket, ETag ETag, bool Replayed);
