using System.Globalization;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Sla;

namespace InfoFloPay.Domain.Tickets;

/// <summary>
/// Puts the SLA's milestones on the timeline as a change makes them happen: targets applied (on creation, and again when
/// a priority or tier change recomputes them) and a target met (the first public staff reply, or resolving, by its due
/// time). Warnings and breaches are the sweep's (<see cref="SlaEscalation"/>).
/// </summary>
public static class SlaMilestones
{
    /// <summary>The actor of SLA events: the engine, not whoever made the change.</summary>
    public static readonly Caller Engine = Caller.System("SLA");

    /// <param name="before">The ticket before the change; null when the change creates it.</param>
    /// <param name="change">The change, its ticket's SLA already evaluated.</param>
    public static TicketChange Record(Ticket? before, TicketChange change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        var after = change.Ticket;
        var sla = after.Sla;
        var events = new TicketEventWriter(after, Engine, now);
        var retargeted = before is null || before.Priority != after.Priority || before.Sla.Tier != sla.Tier;
        if (retargeted && sla.FirstResponseDueAt is { } firstResponseDue)
        {
            events.Add(TicketEventKind.SlaApplied, EventVisibility.Internal, e => e with
            {
                Priority = after.Priority,
                DueAt = firstResponseDue,
                Note = $"{sla.Tier} {EnumText.Of(after.Priority)}: first response due {Format(firstResponseDue)}"
                    + (sla.ResolutionDueAt is { } resolutionDue ? $", resolution due {Format(resolutionDue)}" : string.Empty),
            });
        }

        if (before?.FirstRespondedAt is null && after.FirstRespondedAt is { } replied && sla.FirstResponseDueAt is { } due && replied <= due)
        {
            events.Add(TicketEventKind.SlaMet, EventVisibility.Internal, e => e with { Channel = TargetName(SlaTargetKind.FirstResponse), DueAt = due });
        }

        var resolvesNow = after.Status == TicketStatus.Resolved && before?.Status is not (TicketStatus.Resolved or TicketStatus.Closed);
        if (resolvesNow && after.ResolvedAt is { } resolved && sla.ResolutionDueAt is { } resolutionDueAt && resolved <= resolutionDueAt)
        {
            events.Add(TicketEventKind.SlaMet, EventVisibility.Internal, e => e with { Channel = TargetName(SlaTargetKind.Resolution), DueAt = resolutionDueAt });
        }

        var milestones = events.Finish(after);
        return milestones.Events.Count == 0 ? change : new TicketChange(milestones.Ticket, [.. change.Events, .. milestones.Events]);
    }

    /// <summary>A target as events and messages name it, spelled as the API spells it in <c>sla.breaches</c>:
    /// <c>first-response</c>, <c>resolution</c>.</summary>
    public static string TargetName(SlaTargetKind target) => EnumText.Of(target);

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
