using InfoFloPay.Functions.Intake;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications.Composition;
using InfoFloPay.Functions.Notifications.Paging;
using InfoFloPay.Functions.Roster;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Notifications;

/// <summary>
/// Decides who hears about an event: the rules of the support policy, kept apart from sending. Each recipient is its
/// own delivery, so one bad address never blocks the others. Staff are named as the team lists them; times are Eastern,
/// and SLA durations are those of the policy (<see cref="SlaWording"/>; without a policy, as in some unit tests, mail
/// states the due time alone).
/// </summary>
public sealed class NotificationPlanner(
    IOptions<SupportRosterOptions> roster, ISupportTeam? team = null, SlaWording? sla = null, PageLinks? links = null, IAccountContacts? contacts = null)
{
    private const string UrgentPriority = "urgent";
    private const string MonitoringChannel = "monitoring";

    /// <summary>The stored team as last read by <see cref="PlanAsync"/>; before any read (or with no stored team, as in
    /// unit tests) the roster in settings, which seeds the store.</summary>
    private volatile IReadOnlyList<PersonRef>? _team;

    /// <summary><see cref="Plan"/> on the team as stored now (<c>GET /api/agents</c>), so an agent added through the API is
    /// mobilized for urgent work without a redeploy.</summary>
    public async Task<IReadOnlyList<NotificationDelivery>> PlanAsync(HelpdeskEvent helpdeskEvent, CancellationToken cancellationToken)
    {
        if (team is not null)
        {
            _team = await team.AgentsAsync(cancellationToken).ConfigureAwait(false);
        }

        return Plan(helpdeskEvent, await AccountContactsAsync(helpdeskEvent, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The deliveries for <paramref name="helpdeskEvent"/>; empty for event types nobody is notified of.</summary>
    public IReadOnlyList<NotificationDelivery> Plan(HelpdeskEvent helpdeskEvent) => Plan(helpdeskEvent, accountContacts: []);

    /// <summary>The contacts of the account a monitoring incident is for (none for any other event, or without the port).</summary>
    private async Task<IReadOnlyList<PersonRef>> AccountContactsAsync(HelpdeskEvent helpdeskEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(helpdeskEvent);
        if (contacts is null || helpdeskEvent.Type != HelpdeskEventTypes.TicketCreated
            || Read<TicketCreatedData>(helpdeskEvent) is not { Channel: MonitoringChannel, CustomerId: { Length: > 0 } customerId })
        {
            return [];
        }

        return await contacts.ContactsAsync(customerId, cancellationToken).ConfigureAwait(false);
    }

    private List<NotificationDelivery> Plan(HelpdeskEvent helpdeskEvent, IReadOnlyList<PersonRef> accountContacts)
    {
        ArgumentNullException.ThrowIfNull(helpdeskEvent);
        var plan = new PlanBuilder(helpdeskEvent, this);
        switch (helpdeskEvent.Type)
        {
            case HelpdeskEventTypes.TicketCreated:
                var created = Read<TicketCreatedData>(helpdeskEvent);
                var createdModel = Model(helpdeskEvent, created.Subject, created.Requester) with
                {
                    Priority = created.Priority,
                    Tier = SlaWording.TierName(created.Tier),
                    DueAt = created.FirstResponseDueAt is { } firstResponseDue ? EasternTime.Format(firstResponseDue) : null,
                    TargetWithin = created.FirstResponseDueAt is null ? null : sla?.FirstResponseWithin(created.Tier, created.Priority),
                };
                var incident = created.Channel == MonitoringChannel;
                if (incident)
                {
                    // Monitoring files the incident on the Operations Manager's behalf: they get the incident, not a
                    // customer's "we received your request".
                    plan.Email(NotificationKind.Incident, created.Requester, createdModel with
                    {
                        Body = created.Description,
                        DetectedAt = EasternTime.Format(helpdeskEvent.OccurredAt),
                    });
                }
                else if (created.Category != EmailIntake.UnverifiedSenderCategory)
                {
                    // Mail held for review may carry a forged From: acknowledging it would mail whoever was impersonated.
                    plan.Email(NotificationKind.Acknowledgement, created.Requester, createdModel);
                }

                if (string.Equals(created.Priority, UrgentPriority, StringComparison.OrdinalIgnoreCase))
                {
                    Mobilize(plan, created.Subject, created.Description, createdModel with { Body = created.Description }, assignee: null);
                }

                // The account hears it from us first: once per incident, since an incident is created once and each
                // delivery is journalled under this event's message id.
                foreach (var contact in incident ? accountContacts : [])
                {
                    plan.Email(NotificationKind.AccountIncident, contact, createdModel with { DetectedAt = EasternTime.Format(helpdeskEvent.OccurredAt) });
                }

                break;

            case HelpdeskEventTypes.TicketAssigned:
                var assigned = Read<TicketAssignedData>(helpdeskEvent);
                var assignedModel = Model(helpdeskEvent, assigned.Subject, assigned.Requester, assigned.Assignee) with
                {
                    Priority = assigned.Priority,
                    Body = assigned.Description,
                };
                // An owner hears that the ticket is theirs once, not on every re-prioritisation; one it stays with is
                // told only that it became urgent, with the rest of the team.
                if (assigned.Assignee is { } owner && (assigned.AssigneeChanged || assigned.BecameUrgent))
                {
                    plan.Email(assigned.AssigneeChanged ? NotificationKind.Assigned : NotificationKind.UrgentMobilization, owner, assignedModel);
                }

                if (assigned.BecameUrgent)
                {
                    Mobilize(plan, assigned.Subject, assigned.Description, assignedModel, assigned.Assignee);
                }

                break;

            case HelpdeskEventTypes.TicketReplied:
                var replied = Read<TicketRepliedData>(helpdeskEvent);
                var replyModel = Model(helpdeskEvent, replied.Subject, replied.Requester, replied.Assignee) with
                {
                    Body = replied.Body,
                    // Staff are named as the team lists them ("Ava Agent", not the sign-in name "ava.agent").
                    AuthorName = replied.AuthorRole == ReplyAuthorRole.Staff
                        ? NameOf(replied.Author) ?? replied.Author.Email
                        : replied.Author.Name ?? replied.Author.Email,
                };
                // The author wrote it: an Operations Manager replying on their own incident, or an agent on a ticket
                // they opened, would otherwise get "Re: …" about their own words.
                var addressee = replied.AuthorRole == ReplyAuthorRole.Staff ? replied.Requester : replied.Assignee;
                if (addressee is not null && !SameAddress(addressee.Email, replied.Author.Email))
                {
                    plan.Email(replied.AuthorRole == ReplyAuthorRole.Staff ? NotificationKind.StaffReply : NotificationKind.CustomerReply, addressee, replyModel);
                }

                break;

            case HelpdeskEventTypes.TicketResolved:
                var resolved = Read<TicketResolvedData>(helpdeskEvent);
                plan.Email(NotificationKind.Resolved, resolved.Requester, Model(helpdeskEvent, resolved.Subject, resolved.Requester) with
                {
                    Body = resolved.Note,
                });
                break;

            case HelpdeskEventTypes.TicketEscalated:
                // Each target is its own delivery (a webhook pages, an address gets the page as email), keyed by the
                // event, so a redelivered message pages nobody twice.
                var escalated = Read<TicketEscalatedData>(helpdeskEvent);
                var label = escalated.Final ? "nobody acknowledged, paging the whole team" : $"not acknowledged, escalation step {escalated.Step}";
                foreach (var target in escalated.Targets)
                {
                    plan.Page(target, $"[{helpdeskEvent.TicketId}] URGENT ({label}): {escalated.Subject}", escalated.Description ?? escalated.Subject,
                        escalated.PageId, escalated.Step, $"{helpdeskEvent.MessageId}/pager/{target.ToLowerInvariant()}");
                }

                break;

            case HelpdeskEventTypes.SlaWarning or HelpdeskEventTypes.SlaBreached:
                var alert = Read<SlaAlertData>(helpdeskEvent);
                var kind = helpdeskEvent.Type == HelpdeskEventTypes.SlaWarning ? NotificationKind.SlaWarning : NotificationKind.SlaBreach;
                var alertModel = Model(helpdeskEvent, alert.Subject, requester: null, alert.Assignee) with
                {
                    Priority = alert.Priority,
                    SlaTarget = SlaWording.TargetName(alert.Target),
                    Tier = SlaWording.TierName(alert.Tier),
                    DueAt = EasternTime.Format(alert.DueAt),
                    TimeLeft = kind == NotificationKind.SlaWarning && sla is not null
                        && (alert.Calendar ?? sla.CalendarOf(alert.Tier, alert.Priority)) is { } calendar
                            ? sla.TimeLeft(alert.DueAt, calendar)
                            : null,
                };
                // Nobody owns an unassigned ticket, so the whole team hears about it.
                IEnumerable<PersonRef> responsibles = alert.Assignee is { } alertAssignee ? [alertAssignee] : Agents();
                foreach (var responsible in responsibles)
                {
                    plan.Email(kind, responsible, alertModel);
                }

                if (Roster.OperationsManager is { Email.Length: > 0 } manager && !SameAddress(manager.Email, alert.Assignee?.Email))
                {
                    plan.Email(kind, new PersonRef(manager.Email, manager.Name), alertModel);
                }

                break;
        }

        return plan.Deliveries;
    }

    private SupportRosterOptions Roster => roster.Value;

    private Uri? Link(HelpdeskEvent helpdeskEvent, string pageId, int step) =>
        links?.For(helpdeskEvent.TicketId, pageId, step, helpdeskEvent.OccurredAt);

    /// <summary>Urgent: the Operations Manager is paged and every agent (but the owner, who has just been told) is emailed.</summary>
    private void Mobilize(PlanBuilder plan, string subject, string? details, NotificationModel model, PersonRef? assignee)
    {
        plan.Page(subject, details);
        foreach (var agent in Agents().Where(agent => !SameAddress(agent.Email, assignee?.Email)))
        {
            plan.Email(NotificationKind.UrgentMobilization, agent, model);
        }
    }

    private IEnumerable<PersonRef> Agents() =>
        _team ?? Roster.Agents.Where(agent => agent.Email.Length > 0).Select(agent => new PersonRef(agent.Email, agent.Name));

    /// <summary>A staff member's name as the team (or the roster in settings) lists it, over whatever name the event
    /// carries (a sign-in name such as "ava.agent"); anyone else's name as the event carries it.</summary>
    private string? NameOf(PersonRef person) =>
        NonEmpty(_team?.FirstOrDefault(member => SameAddress(member.Email, person.Email))?.Name)
        ?? NonEmpty(Roster.Agents.Concat([Roster.OperationsManager]).FirstOrDefault(member => SameAddress(member.Email, person.Email))?.Name)
        ?? person.Name;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private NotificationModel Model(HelpdeskEvent helpdeskEvent, string subject, PersonRef? requester, PersonRef? assignee = null) =>
        new(NotificationKind.Acknowledgement, helpdeskEvent.TicketId, subject)
        {
            RequesterName = requester?.Name,
            RequesterEmail = requester?.Email,
            AssigneeName = assignee is null ? null : NameOf(assignee),
            AssigneeEmail = assignee?.Email,
        };

    private static T Read<T>(HelpdeskEvent helpdeskEvent) => helpdeskEvent.Version == 1
        ? helpdeskEvent.ReadData<T>()
        : throw new NotSupportedException($"Event {helpdeskEvent.MessageId}: {helpdeskEvent.Type} version {helpdeskEvent.Version} is not understood.");

    private static bool SameAddress(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    private sealed class PlanBuilder(HelpdeskEvent helpdeskEvent, NotificationPlanner planner)
    {
        public List<NotificationDelivery> Deliveries { get; } = [];

        public void Email(NotificationKind kind, PersonRef to, NotificationModel model)
        {
            if (Deliveries.OfType<EmailDelivery>().Any(existing => SameAddress(existing.To.Address, to.Email)))
            {
                return;
            }

            var name = planner.NameOf(to);
            Deliveries.Add(new EmailDelivery(
                $"{helpdeskEvent.MessageId}/email/{to.Email.ToLowerInvariant()}",
                model with { Kind = kind, RecipientName = name },
                new EmailAddress(to.Email, name)));
        }

        /// <summary>The first page of an urgent ticket, to the Operations Manager. The page id is the event that made the
        /// ticket urgent (as <c>UrgentPaging</c> records it), so its acknowledgement link names the ticket's page.</summary>
        public void Page(string subject, string? details)
        {
            var manager = planner.Roster.OperationsManager;
            var target = string.IsNullOrWhiteSpace(manager.Pager) ? manager.Email : manager.Pager;
            if (string.IsNullOrWhiteSpace(target))
            {
                return;
            }

            Page(target, $"[{helpdeskEvent.TicketId}] URGENT: {subject}", details ?? subject, helpdeskEvent.EventId, step: 0, $"{helpdeskEvent.MessageId}/pager");
        }

        /// <summary>A page carrying the one-click acknowledgement link of <paramref name="step"/> of page <paramref name="pageId"/>.
        /// The dedup key stays the ticket id, so a PagerDuty incident is updated, not opened again.</summary>
        public void Page(string target, string summary, string details, string pageId, int step, string key)
        {
            var link = planner.Link(helpdeskEvent, pageId, step);
            var page = new Page(target, summary, link is null ? details : $"{details}\n\nAcknowledge this page (stops the escalation): {link}",
                helpdeskEvent.TicketId, helpdeskEvent.TicketId)
            {
                AcknowledgeUrl = link,
                // Step 0 keeps the key pages always had; later steps to the same address are new mail, not repeats of it.
                PageKey = step == 0 ? null : $"{helpdeskEvent.TicketId}/{pageId}/{step}",
            };
            Deliveries.Add(new PageDelivery(key, page));
        }
    }
}
