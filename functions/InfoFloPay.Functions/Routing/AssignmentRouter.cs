using System.Security.Cryptography;
using System.Text;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Agents;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Routing;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Agents;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Routing;

/// <summary>
/// Routes new tickets, and the tickets of an agent who goes away, to an owner (<see cref="AssigneeChooser"/>): suggested or
/// assigned as <c>Routing__Mode</c> says. Every decision is made inside <see cref="TicketService.RouteAsync"/> on the ticket
/// and the team as committed, so a person's triage in the meantime is never overridden and concurrent routings never
/// decide on the same loads; a redelivered message finds its work done and changes nothing.
/// </summary>
public sealed class AssignmentRouter(
    TicketService tickets,
    AgentDirectory agents,
    IOptions<RoutingOptions> options,
    TimeProvider clock,
    ILogger<AssignmentRouter> logger)
{
    /// <summary>The actor on the timeline and in the triage it makes.</summary>
    public static readonly Caller Router = Caller.System("routing");

    private const string PageSize = "100";

    public Task HandleAsync(HelpdeskEvent helpdeskEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(helpdeskEvent);
        return helpdeskEvent.Type switch
        {
            HelpdeskEventTypes.TicketCreated => RouteNewAsync(helpdeskEvent, cancellationToken),
            HelpdeskEventTypes.AgentAway => RouteAgainAsync(helpdeskEvent, helpdeskEvent.ReadData<AgentAwayData>(), cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private async Task RouteNewAsync(HelpdeskEvent created, CancellationToken cancellationToken)
    {
        var mode = options.Value.ParsedMode;
        await RouteOneAsync(created, created.TicketId, (ticket, board, now) =>
        {
            // Triaged by a person already, or routed by an earlier delivery of this message.
            if (ticket.Status != TicketStatus.New || ticket.Assignee is not null || ticket.SuggestedAssignee is not null)
            {
                return (null, null);
            }

            return AssigneeChooser.Choose(RoutingSubject.Of(ticket), board.Candidates()) is { } choice
                ? (mode == RoutingMode.Auto ? TicketRouting.Assign(ticket, choice, Router, now) : TicketRouting.Suggest(ticket, choice, Router, now), null)
                : (null, "Nobody is available to route this ticket to; it waits in the triage queue for a person.");
        }, mode, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Everything <paramref name="away"/> holds (their new, open and pending tickets) and the new tickets suggested to them
    /// go to someone available, one ticket at a time, each on the team as it is then, so the load spreads.
    /// </summary>
    private async Task RouteAgainAsync(HelpdeskEvent message, AgentAwayData away, CancellationToken cancellationToken)
    {
        var mode = options.Value.ParsedMode;
        var email = away.Email.ToLowerInvariant();
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await tickets.ListAsync(
                new TicketListRequest(Status: "open", Assignee: email, Priority: null, CustomerId: null, ClosedSince: null, Top: PageSize, ContinuationToken: token),
                Router, cancellationToken).ConfigureAwait(false);
            ids.AddRange(page.Items.Where(ticket => Same(ticket.Assignee, email)).Select(ticket => ticket.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        do
        {
            var page = await tickets.QueueAsync(Router, PageSize, token, cancellationToken).ConfigureAwait(false);
            ids.AddRange(page.Items.Where(ticket => Same(ticket.SuggestedAssignee, email)).Select(ticket => ticket.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        logger.LogInformation("Agent {Agent} is away: routing {Count} of their tickets again", email, ids.Count);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            await RouteOneAsync(message, id, (ticket, board, now) =>
            {
                var holds = ticket.IsOpen && Same(ticket.Assignee, email);
                var suggested = ticket.Status == TicketStatus.New && ticket.Assignee is null && Same(ticket.SuggestedAssignee, email);
                // A person moved it meanwhile, or the agent is back: nothing to hand on.
                if ((!holds && !suggested) || !board.IsAway(email))
                {
                    return (null, null);
                }

                // Suggest mode leaves the owner alone; an earlier delivery already suggested someone who is still available.
                if (holds && mode == RoutingMode.Suggest && ticket.SuggestedAssignee is { } other && !Same(other, email)
                    && board.Find(other)?.Availability == AgentAvailability.Available)
                {
                    return (null, null);
                }

                return AssigneeChooser.Choose(RoutingSubject.Of(ticket), board.Candidates(), excluding: email, awayForUrgent: false) is { } choice
                    ? (TicketRouting.Reroute(ticket, email, choice, mode, Router, now), null)
                    : (null, $"{email} is away and nobody else is available; the ticket stays as it is.");
            }, mode, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Applies <paramref name="decide"/> to one ticket. When it finds nobody to route to it says why, and that is put on
    /// the timeline once per message and ticket (keyed, so a redelivery adds nothing).
    /// </summary>
    private async Task RouteOneAsync(
        HelpdeskEvent message, string ticketId, Func<Ticket, AgentBoard, DateTimeOffset, (TicketChange? Change, string? Unrouted)> decide, RoutingMode mode, CancellationToken cancellationToken)
    {
        await agents.EnsureSeededAsync(cancellationToken).ConfigureAwait(false);
        (Ticket Ticket, string Why)? unrouted = null;
        StoredTicket? routed;
        try
        {
            routed = await tickets.RouteAsync(ticketId, Router, (ticket, board, now) =>
            {
                var (change, why) = decide(ticket, board, now);
                unrouted = why is null ? null : (ticket, why);
                return change;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestRejectedException ex) when (ex.Kind == Rejection.NotFound)
        {
            logger.LogWarning("Message {MessageId} names ticket {TicketId}, which does not exist; nothing to route", message.MessageId, ticketId);
            return;
        }
        catch (RequestRejectedException ex) when (ex.Kind == Rejection.Conflict)
        {
            // The triage move refused the ticket (it was resolved or closed just now): nothing to route.
            logger.LogInformation("Ticket {TicketId} can no longer be routed: {Reason}", ticketId, ex.Message);
            return;
        }

        if (routed is not null)
        {
            logger.LogInformation("Ticket {TicketId} {Routing} to {Agent}", ticketId, mode == RoutingMode.Auto ? "assigned" : "suggested",
                mode == RoutingMode.Auto ? routed.Ticket.Assignee : routed.Ticket.SuggestedAssignee);
        }
        else if (unrouted is var (ticket, why))
        {
            var note = TicketRouting.NobodyAvailable(ticket, "r-" + Hash(message.MessageId + "\n" + ticketId), why, mode, Router, clock.GetUtcNow());
            await tickets.AppendEventOnceAsync(ticket, note, cancellationToken).ConfigureAwait(false);
            logger.LogWarning("Ticket {TicketId} not routed: {Reason}", ticketId, why);
        }
    }

    private static bool Same(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
