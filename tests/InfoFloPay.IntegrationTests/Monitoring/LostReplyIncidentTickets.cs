using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Monitoring;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// A ticket port in front of a real one whose next open commits but whose answer never arrives (a timeout, a dropped
/// connection), so the desk has an incident the monitoring state does not know about. Everything else passes through.
/// </summary>
internal sealed class LostReplyIncidentTickets(IIncidentTickets inner) : IIncidentTickets
{
    private readonly Lock _lock = new();
    private readonly List<string> _opened = [];
    private int _loseNextOpenReplies;

    /// <summary>The ticket id of every open that reached the ticket service, answered or not, in order.</summary>
    public IReadOnlyList<string> Opened
    {
        get
        {
            lock (_lock)
            {
                return [.. _opened];
            }
        }
    }

    public void LoseNextOpenReply()
    {
        lock (_lock)
        {
            _loseNextOpenReplies++;
        }
    }

    public async Task<string> OpenIncidentAsync(
        MonitoredTarget target, DateTimeOffset firstFailureAt, string detail, string idempotencyKey, CancellationToken cancellationToken)
    {
        var ticketId = await inner.OpenIncidentAsync(target, firstFailureAt, detail, idempotencyKey, cancellationToken);
        lock (_lock)
        {
            _opened.Add(ticketId);
            if (_loseNextOpenReplies > 0)
            {
                _loseNextOpenReplies--;
                throw new HttpRequestException("The ticket service's answer was lost.");
            }
        }

        return ticketId;
    }

    public Task AddNoteAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken) =>
        inner.AddNoteAsync(ticketId, text, idempotencyKey, cancellationToken);

    public Task ResolveAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken) =>
        inner.ResolveAsync(ticketId, note, idempotencyKey, cancellationToken);

    public Task<bool> ReopenAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken) =>
        inner.ReopenAsync(ticketId, note, idempotencyKey, cancellationToken);
}
