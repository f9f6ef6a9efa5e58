using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Monitoring;

namespace InfoFloPay.IntegrationTests.Monitoring;

/// <summary>
/// The ticket port in memory: records every call, in order, and honours idempotency keys the way the ticket service
/// must (the same key opens no second ticket). It knows which tickets are resolved or closed, as the ticket service
/// would, so a reopen of a resolved ticket is recorded as <c>reopen</c>, of an open one as <c>note</c>, and a closed one
/// cannot be reopened. It can fail the next opens, like an unavailable ticket service.
/// </summary>
internal sealed class RecordingIncidentTickets : IIncidentTickets
{
    private readonly Lock _lock = new();
    private readonly List<TicketCall> _calls = [];
    private readonly Dictionary<string, string> _ticketByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _targetByTicket = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<string>> _opened = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _closed = new(StringComparer.Ordinal);
    private int _failNextOpens;
    private int _nextTicket = 1001;

    public IReadOnlyList<TicketCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Distinct tickets created, whatever number of open calls asked for them.</summary>
    public IReadOnlyList<string> TicketsFor(string target)
    {
        lock (_lock)
        {
            return [.. _targetByTicket.Where(t => t.Value == target).Select(t => t.Key).Order(StringComparer.Ordinal)];
        }
    }

    public IReadOnlyList<TicketCall> CallsFor(string target) => [.. Calls.Where(c => c.Target == target)];

    /// <summary>Completes with the ticket id when an incident for <paramref name="target"/> has been opened.</summary>
    public Task<string> WhenOpened(string target)
    {
        lock (_lock)
        {
            return OpenedSignal(target).Task;
        }
    }

    public void FailNextOpens(int count)
    {
        lock (_lock)
        {
            _failNextOpens = count;
        }
    }

    /// <summary>Runs after a ticket is created and before its id is returned: for what happens in between.</summary>
    public Func<Task>? WhileOpening { get; set; }

    public async Task<string> OpenIncidentAsync(
        MonitoredTarget target, DateTimeOffset firstFailureAt, string detail, string idempotencyKey, CancellationToken cancellationToken)
    {
        var ticketId = Open(target, detail, idempotencyKey);
        if (WhileOpening is { } meanwhile)
        {
            WhileOpening = null;
            await meanwhile();
        }

        return ticketId;
    }

    private string Open(MonitoredTarget target, string detail, string idempotencyKey)
    {
        lock (_lock)
        {
            if (_failNextOpens > 0)
            {
                _failNextOpens--;
                _calls.Add(new TicketCall("open-failed", target.Name, null, detail, idempotencyKey));
                throw new HttpRequestException("The ticket service is unavailable.");
            }

            if (!_ticketByKey.TryGetValue(idempotencyKey, out var ticketId))
            {
                ticketId = $"IFP-{_nextTicket++}";
                _ticketByKey[idempotencyKey] = ticketId;
                _targetByTicket[ticketId] = target.Name;
            }

            _calls.Add(new TicketCall("open", target.Name, ticketId, detail, idempotencyKey));
            OpenedSignal(target.Name).TrySetResult(ticketId);
            return ticketId;
        }
    }

    /// <summary>A person closes <paramref name="ticketId"/>: from now on it cannot be reopened.</summary>
    public void Close(string ticketId)
    {
        lock (_lock)
        {
            _closed.Add(ticketId);
        }
    }

    public Task AddNoteAsync(string ticketId, string text, string idempotencyKey, CancellationToken cancellationToken)
    {
        Record("note", ticketId, text, idempotencyKey);
        return Task.CompletedTask;
    }

    public Task ResolveAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _resolved.Add(ticketId);
            Record("resolve", ticketId, note, idempotencyKey);
        }

        return Task.CompletedTask;
    }

    public Task<bool> ReopenAsync(string ticketId, string note, string idempotencyKey, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_closed.Contains(ticketId))
            {
                Record("reopen-refused", ticketId, note, idempotencyKey);
                return Task.FromResult(false);
            }

            Record(_resolved.Remove(ticketId) ? "reopen" : "note", ticketId, note, idempotencyKey);
            return Task.FromResult(true);
        }
    }

    private TaskCompletionSource<string> OpenedSignal(string target)
    {
        if (!_opened.TryGetValue(target, out var signal))
        {
            signal = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _opened[target] = signal;
        }

        return signal;
    }

    private void Record(string kind, string ticketId, string text, string idempotencyKey)
    {
        lock (_lock)
        {
            _calls.Add(new TicketCall(kind, _targetByTicket.GetValueOrDefault(ticketId, "?"), ticketId, text, idempotencyKey));
        }
    }
}

internal sealed record TicketCall(string Kind, string Target, string? TicketId, string Text, string IdempotencyKey);
