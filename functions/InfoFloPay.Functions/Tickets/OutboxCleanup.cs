using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Deletes outbox rows whose messages are on the bus, off the request path. A change's request returns after its
/// one batch; the deletes of every change published meanwhile then go out together, up to 100 per transaction.
/// If the process dies before a delete, <see cref="RelayOutboxFunction"/> republishes the row and consumers
/// de-duplicate by message id, so deferring costs a repeat publish at worst, never a lost or doubled email.
/// </summary>
public sealed class OutboxCleanup(TicketStore store, ILogger<OutboxCleanup> logger) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _published = new();
    private readonly Lock _gate = new();
    private Task _pump = Task.CompletedTask;
    private bool _pumping;

    /// <summary>Queues the rows for deletion and makes sure a pump is draining the queue.</summary>
    public void Enqueue(IEnumerable<string> rowKeys)
    {
        ArgumentNullException.ThrowIfNull(rowKeys);
        var added = false;
        foreach (var key in rowKeys)
        {
            _published.Enqueue(key);
            added = true;
        }

        lock (_gate)
        {
            if (added && !_pumping)
            {
                _pumping = true;
                _pump = Task.Run(DrainAsync);
            }
        }
    }

    /// <summary>Completes when every row queued so far has been deleted (or its delete has failed and been logged).</summary>
    public async Task WhenIdleAsync()
    {
        while (true)
        {
            Task pump;
            lock (_gate)
            {
                if (!_pumping)
                {
                    return;
                }

                pump = _pump;
            }

            await pump.ConfigureAwait(false);
        }
    }

    /// <summary>On shutdown the queued deletes are finished rather than left to the relay.</summary>
    public async ValueTask DisposeAsync() => await WhenIdleAsync().ConfigureAwait(false);

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<string>(TicketStore.MaxBatch);
            while (batch.Count < TicketStore.MaxBatch && _published.TryDequeue(out var key))
            {
                batch.Add(key);
            }

            if (batch.Count == 0)
            {
                lock (_gate)
                {
                    // A key enqueued after the dequeue above saw a running pump and started none; take it here.
                    if (_published.IsEmpty)
                    {
                        _pumping = false;
                        return;
                    }
                }

                continue;
            }

            try
            {
                await store.DeleteOutboxAsync(batch, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Whatever went wrong, the rows are still there for the relay, and the pump must live on.
                logger.LogWarning(ex, "Deleting {Count} published outbox rows failed; the outbox relay will publish them again and retry", batch.Count);
            }
        }
    }
}
