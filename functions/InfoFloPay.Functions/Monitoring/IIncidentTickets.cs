using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// The port through which monitoring reaches the ticket service. The adapter creates incidents through the normal
/// ticket service (urgent, channel <c>monitoring</c>, <see cref="MonitoredTarget.CustomerId"/> as the account when set),
/// so acknowledgement, mobilization and paging happen as for any urgent ticket.
/// Every call carries an idempotency key that is stable across retries of the same decision: the same key twice must
/// create one ticket, one note, one resolution.
/// </summary>
public interface IIncidentTickets
{
    /// <summary>
    /// Opens an urgent incident for <paramref name="target"/>'s outage and returns its ticket id. The ticket itself is
    /// made from the target and <paramref name="firstFailureAt"/> only, so a retry with the same key is the same request;
    /// <paramref name="detail"/>, which changes between retries, goes on as the incident's first note.
    /// </summary>
    Task<string> OpenIncidentAsync(
        MonitoredTarget target, DateTimeOffset firstFailureAt, string detail, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Adds an internal note to the incident, whatever its status (none to one someone closed).</summary>
    Task AddNoteAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Resolves the incident with <paramref name="note"/> as the resolution note.</summary>
    Task ResolveAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>
    /// For an outage that is on: reopens a resolved incident with <paramref name="note"/> explaining why, or adds the note
    /// to one still open. Returns false when someone closed the incident: a closed ticket is never worked again, so the
    /// outage needs a new one.
    /// </summary>
    Task<bool> ReopenAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken);
}
