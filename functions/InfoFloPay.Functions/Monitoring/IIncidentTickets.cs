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
    /// <summary>Opens an urgent incident for <paramref name="target"/>'s outage and returns its ticket id.</summary>
    Task<string> OpenIncidentAsync(
        MonitoredTarget target, DateTimeOffset firstFailureAt, string detail, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Adds an internal note to the incident.</summary>
    Task AddNoteAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Resolves the incident with <paramref name="note"/> as the resolution note.</summary>
    Task ResolveAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Reopens a resolved incident with <paramref name="note"/> explaining why.</summary>
    Task ReopenAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken);
}
