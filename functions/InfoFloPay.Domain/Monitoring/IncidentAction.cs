namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// Something to do to the target's incident ticket. <see cref="IdempotencyKey"/> is stable for the same decision,
/// so a retried call never creates a second ticket or a second note.
/// </summary>
public abstract record IncidentAction(string IdempotencyKey);

public sealed record OpenIncident(int OutageNumber, DateTimeOffset FirstFailureAt, string Detail, string IdempotencyKey)
    : IncidentAction(IdempotencyKey);

public sealed record AddIncidentNote(string TicketId, string Text, string IdempotencyKey) : IncidentAction(IdempotencyKey);

public sealed record ResolveIncident(string TicketId, string Note, string IdempotencyKey) : IncidentAction(IdempotencyKey);

public sealed record ReopenIncident(string TicketId, string Note, string IdempotencyKey) : IncidentAction(IdempotencyKey);
