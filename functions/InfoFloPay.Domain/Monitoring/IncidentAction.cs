namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// Something to do to the target's incident ticket. <see cref="IdempotencyKey"/> is stable for the same decision,
/// so a retried call never creates a second ticket or a second note.
/// </summary>
public abstract record IncidentAction(string IdempotencyKey);

/// <summary>
/// Opens the incident of outage <see cref="OutageNumber"/>. <see cref="Detail"/> is what the probes saw when the open was
/// decided; it differs from one retry to the next, so it belongs on the ticket as its first note and never in the request
/// the idempotency key stands for, or a retry would be refused as a different request.
/// </summary>
public sealed record OpenIncident(int OutageNumber, DateTimeOffset FirstFailureAt, string Detail, string IdempotencyKey)
    : IncidentAction(IdempotencyKey);

/// <summary>
/// A note on the incident. <see cref="OutageOngoing"/> when the target is still down: then the incident must be open to
/// be worked, so one a person resolved meanwhile is reopened with the note, and one closed is replaced by a new incident.
/// </summary>
public sealed record AddIncidentNote(string TicketId, string Text, string IdempotencyKey, bool OutageOngoing) : IncidentAction(IdempotencyKey);

public sealed record ResolveIncident(string TicketId, string Note, string IdempotencyKey) : IncidentAction(IdempotencyKey);

public sealed record ReopenIncident(string TicketId, string Note, string IdempotencyKey) : IncidentAction(IdempotencyKey);
