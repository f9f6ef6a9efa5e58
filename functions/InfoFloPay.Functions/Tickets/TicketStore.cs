using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Agents;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Storage;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Tickets on Azure Tables, all in one partition so that every change — the ticket row (If-Match), its new
/// events, its index rows, its outbox rows and its idempotency record — commits as ONE transaction batch, and
/// every list is one RowKey range query. Layout and limits: docs/tickets.md.
/// </summary>
public sealed class TicketStore(EnsuredTable table, int idBlockSize = TicketIdAllocator.DefaultBlockSize, TimeProvider? clock = null) : IDisposable
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>
    /// Attempts at read-modify-write when the caller sent no If-Match and another writer got there first. Every failed
    /// attempt means another writer committed, so this many concurrent writers of one ticket all get through.
    /// </summary>
    public const int UpdateAttempts = 20;

    /// <summary>The most actions Azure Tables accepts in one transaction batch.</summary>
    public const int MaxBatch = 100;

    private readonly TicketIdAllocator _ids = new(table, idBlockSize);

    public void Dispose() => _ids.Dispose();

    public Task<string> NextIdAsync(CancellationToken cancellationToken) => _ids.NextAsync(cancellationToken);

    public async Task<StoredTicket?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var row = await client.GetEntityIfExistsAsync<TableEntity>(TicketKeys.Partition, TicketKeys.Ticket(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Stored(row.Value!) : null;
    }

    /// <summary>Stores a new ticket. Throws <see cref="IdempotencyKeyTakenException"/> when the claim's key was used before.</summary>
    public async Task<CommittedChange> CreateAsync(TicketChange change, IdempotencyClaim? claim, CancellationToken cancellationToken)
    {
        var (actions, outbox) = CreateBatch(change, claim);
        var client = await table.GetAsync().ConfigureAwait(false);
        // A new ticket has no owner today; should one ever be created assigned, it counts for them from the start.
        actions.InsertRange(claim is null ? actions.Count : actions.Count - 1,
            await AgentLoads.ActionsAsync(client, before: null, change.Ticket, board: null, cancellationToken).ConfigureAwait(false));
        try
        {
            var result = await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return new CommittedChange(change.Ticket, result.Value[0].Headers.ETag!.Value, outbox);
        }
        catch (TableTransactionFailedException ex) when (claim is not null && ex.Status == 409 && ex.FailedTransactionActionIndex == actions.Count - 1)
        {
            throw new IdempotencyKeyTakenException($"Idempotency key row {claim.RowKey} exists.", ex);
        }
    }

    /// <summary>Every row a new ticket writes, as one batch: the ticket first, the idempotency claim (if any) last.
    /// The benchmark replays exactly these rows as its raw-insert baseline.</summary>
    internal static (List<TableTransactionAction> Actions, List<PendingMessage> Outbox) CreateBatch(TicketChange change, IdempotencyClaim? claim)
    {
        ArgumentNullException.ThrowIfNull(change);
        var ticket = change.Ticket;
        var index = TicketKeys.IndexOf(ticket);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, TicketRows.TicketRow(ticket, index)) };
        actions.AddRange(TicketRows.IndexRows(ticket, index).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
        var outbox = AddEventsAndOutbox(actions, change);
        if (claim is not null)
        {
            actions.Add(ClaimAction(claim, ticket));
        }

        return (actions, outbox);
    }

    public async Task<bool> IdempotencyKeyUsedAsync(string rowKey, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var row = await client.GetEntityIfExistsAsync<TableEntity>(TicketKeys.Partition, rowKey, ["RowKey"], cancellationToken).ConfigureAwait(false);
        return row.HasValue;
    }

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string rowKey, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var row = await client.GetEntityIfExistsAsync<TableEntity>(TicketKeys.Partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue)
        {
            return null;
        }

        var claimed = row.Value!;
        return claimed.GetString("Doc") is null
            ? new IdempotencyRecord(string.Empty, null)
            : new IdempotencyRecord(claimed.GetString("RequestHash") ?? string.Empty, TicketRows.ToTicket(claimed)) { Outcome = claimed.GetString("Outcome") };
    }

    /// <summary>
    /// Read-modify-write of one ticket. With <paramref name="ifMatch"/>, a ticket changed since the caller read it
    /// is refused (412); without, a concurrent change makes this re-read and re-apply, so no update is lost.
    /// <paramref name="claim"/>, when given, is an idempotency row committed in the same batch (an existing one →
    /// <see cref="IdempotencyKeyTakenException"/>, nothing written); a change without events writes nothing.
    /// </summary>
    public async Task<CommittedChange> UpdateAsync(string id, ETag? ifMatch, Func<Ticket, TicketChange> change, CancellationToken cancellationToken, IdempotencyClaim? claim = null) =>
        await ChangeAsync(id, ifMatch, (ticket, _) => change(ticket), cancellationToken, claim).ConfigureAwait(false)
        ?? throw new InvalidOperationException("A ticket change always commits.");

    /// <summary>
    /// <see cref="UpdateAsync(string, ETag?, Func{Ticket, TicketChange}, CancellationToken, IdempotencyClaim?)"/> without
    /// If-Match that starts from <paramref name="read"/> (a <see cref="GetAsync"/> result) instead of reading the ticket
    /// again: the batch is conditional on the read's ETag, so a ticket changed since is re-read and the change re-applied.
    /// </summary>
    public async Task<CommittedChange> UpdateAsync(StoredTicket read, Func<Ticket, TicketChange> change, CancellationToken cancellationToken, IdempotencyClaim? claim = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        return await ChangeAsync(read.Ticket.Id, ifMatch: null, (ticket, _) => change(ticket), cancellationToken, claim, read).ConfigureAwait(false)
            ?? throw new InvalidOperationException("A ticket change always commits.");
    }

    /// <summary>
    /// Read-modify-write that may find nothing to do: <paramref name="change"/> returns null and nothing is written.
    /// A concurrent change makes it re-read and ask again, so a decision is always made on the ticket as committed.
    /// </summary>
    public Task<CommittedChange?> UpdateIfChangedAsync(string id, Func<Ticket, TicketChange?> change, CancellationToken cancellationToken) =>
        ChangeAsync(id, ifMatch: null, (ticket, _) => change(ticket), cancellationToken);

    /// <summary>
    /// <see cref="UpdateIfChangedAsync"/> for routing: every attempt reads the ticket and the agents' board together and
    /// decides on both; the state rows of the agents whose load the change moves are conditional on what that board showed,
    /// so two routings deciding on the same loads cannot both commit (the loser re-reads both and decides again).
    /// </summary>
    public Task<CommittedChange?> UpdateWithAgentsAsync(string id, Func<Ticket, AgentBoard, TicketChange?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ChangeAsync(id, ifMatch: null, (ticket, board) => change(ticket, board!), cancellationToken, readsAgents: true);
    }

    private async Task<CommittedChange?> ChangeAsync(
        string id, ETag? ifMatch, Func<Ticket, AgentBoard?, TicketChange?> change, CancellationToken cancellationToken, IdempotencyClaim? claim = null,
        StoredTicket? read = null, bool readsAgents = false)
    {
        ArgumentNullException.ThrowIfNull(change);
        var client = await table.GetAsync().ConfigureAwait(false);
        var reuse = read;
        for (var attempt = 1; ; attempt++)
        {
            var boardRead = readsAgents ? AgentBoard.ReadAsync(client, cancellationToken) : null;
            var current = reuse?.IndexKeys is not null
                ? reuse
                : await ReadForChangeAsync(client, id, cancellationToken).ConfigureAwait(false);
            reuse = null;
            var board = boardRead is null ? null : await boardRead.ConfigureAwait(false);

            // The change runs first: it refuses callers who may not see the ticket (404), and a stale If-Match
            // must not tell them the ticket exists.
            var applied = change(current.Ticket, board);
            if (ifMatch is { } expected && expected != current.ETag)
            {
                throw Stale(id);
            }

            if (applied is null)
            {
                return null;
            }

            if (applied.Events.Count == 0)
            {
                return new CommittedChange(applied.Ticket, current.ETag, []);
            }

            var before = TicketRows.IndexKeysOf(current.IndexKeys);
            var after = TicketKeys.IndexOf(applied.Ticket);
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateReplace, TicketRows.TicketRow(applied.Ticket, after), current.ETag),
            };
            actions.AddRange(TicketRows.IndexRowsToWrite(current.Ticket, before, applied.Ticket, after).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
            actions.AddRange(before.Except(after).Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(TicketKeys.Partition, key), ETag.All)));
            var outbox = AddEventsAndOutbox(actions, applied);
            var loads = await AgentLoads.ActionsAsync(client, current.Ticket, applied.Ticket, board, cancellationToken).ConfigureAwait(false);
            var firstLoad = actions.Count;
            actions.AddRange(loads);
            if (claim is not null)
            {
                actions.Add(ClaimAction(claim, applied.Ticket));
            }

            try
            {
                var result = await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return new CommittedChange(applied.Ticket, result.Value[0].Headers.ETag!.Value, outbox);
            }
            catch (TableTransactionFailedException ex) when (claim is not null && ex.Status == 409 && ex.FailedTransactionActionIndex == actions.Count - 1)
            {
                throw new IdempotencyKeyTakenException($"Idempotency key row {claim.RowKey} exists.", ex);
            }
            catch (TableTransactionFailedException ex) when (AgentLoads.IsConflict(ex, firstLoad, loads.Count))
            {
                // Someone's count moved under another ticket's change, not this ticket: try again from the same read of
                // the ticket (a batch fails as a whole, so it was not written), even with If-Match (a ticket changed
                // meanwhile still fails the next batch on its own row).
                if (attempt == UpdateAttempts)
                {
                    throw Stale(id);
                }

                reuse = current;
            }
            catch (TableTransactionFailedException ex) when ((ex.Status == 412 && ex.FailedTransactionActionIndex is 0 or null) || IsEventCollision(ex, actions))
            {
                if (ifMatch is not null || attempt == UpdateAttempts)
                {
                    throw Stale(id);
                }
            }
        }
    }

    private static async Task<StoredTicket> ReadForChangeAsync(TableClient client, string id, CancellationToken cancellationToken)
    {
        var row = await client.GetEntityIfExistsAsync<TableEntity>(TicketKeys.Partition, TicketKeys.Ticket(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? Stored(row.Value!) : throw RequestRejectedException.NotFound($"Ticket {id}");
    }

    private static StoredTicket Stored(TableEntity row) =>
        new(TicketRows.ToTicket(row), row.ETag) { IndexKeys = row.GetString("IndexKeys") ?? string.Empty };

    /// <summary>Rows a subject search reads at most per page before it answers with what it found (and a continuation).</summary>
    public const int SearchScanBudget = 1000;

    /// <summary>One page of a list, read from the one index range <see cref="TicketListPlan"/> picks (docs/tickets.md).</summary>
    public async Task<TicketPage> ListAsync(TicketListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var plan = TicketListPlan.For(query);
        if (query.Search is not { } search)
        {
            return await PageAsync(plan.Filter, query.Top, query.ContinuationToken, cancellationToken).ConfigureAwait(false);
        }

        if (TicketIds.IsValid(search.ToUpperInvariant()))
        {
            // A ticket id is a point read; the list's filters still apply, so it is found only where the list shows it.
            var one = await GetAsync(search.ToUpperInvariant(), cancellationToken).ConfigureAwait(false);
            return new TicketPage(
                one is not null && query.ContinuationToken is null && TicketListPlan.Matches(query, one.Ticket) ? [one.Ticket with { Description = string.Empty }] : [],
                null);
        }

        return await SearchPageAsync(plan, query, search, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Subject words: the chosen range is read in order and matched here (Tables has no substring filter), until a
    /// page is full or <see cref="SearchScanBudget"/> rows were read. The continuation is the last RowKey read: the next page
    /// reads the same range after it, so an edited token can skip rows but never leave the list.</summary>
    private async Task<TicketPage> SearchPageAsync(TicketListPlan plan, TicketListQuery query, string search, CancellationToken cancellationToken)
    {
        var words = search.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var client = await table.GetAsync().ConfigureAwait(false);
        var after = ContinuationTokens.Decode(query.ContinuationToken) is { } token
            ? token.StartsWith(SearchTokenPrefix, StringComparison.Ordinal) ? token[SearchTokenPrefix.Length..] : throw ContinuationTokens.Invalid()
            : null;
        var filter = after is null
            ? plan.Filter
            : plan.Filter + " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        var found = new List<Ticket>();
        var read = 0;
        var now = _clock.GetUtcNow();
        await foreach (var row in client.QueryAsync<TableEntity>(filter, maxPerPage: Math.Max(query.Top, 100), select: ["RowKey", "Doc"], cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            read++;
            var ticket = TicketRows.ToListedTicket(row.GetString("Doc"), now);
            if (words.All(word => ticket.Subject.Contains(word, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(ticket);
            }

            if (found.Count == query.Top || read == SearchScanBudget)
            {
                return new TicketPage(found, ContinuationTokens.Encode(SearchTokenPrefix + row.RowKey));
            }
        }

        return new TicketPage(found, null);
    }

    // "search " keeps the space ContinuationTokens expects of a storage token, and says which kind this is.
    private const string SearchTokenPrefix = "search ";

    /// <summary>New tickets, most urgent first and oldest first within a priority.</summary>
    public Task<TicketPage> QueueAsync(int top, string? continuationToken, CancellationToken cancellationToken)
    {
        var upper = TicketKeys.QueuePrefix + StorageKey.RangeEnd;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TicketKeys.Partition} and RowKey ge {TicketKeys.QueuePrefix} and RowKey lt {upper}");
        return PageAsync(filter, top, continuationToken, cancellationToken);
    }

    /// <summary>Tickets whose next SLA checkpoint is due by <paramref name="now"/>, earliest first.</summary>
    public Task<TicketPage> SlaDueAsync(DateTimeOffset now, int top, string? continuationToken, CancellationToken cancellationToken)
    {
        var upper = TicketKeys.Sla(now, string.Empty) + StorageKey.RangeEnd;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TicketKeys.Partition} and RowKey ge {TicketKeys.SlaPrefix} and RowKey lt {upper}");
        return PageAsync(filter, top, continuationToken, cancellationToken);
    }

    /// <summary>
    /// A ticket's timeline, oldest first, in one range query. For a customer only public events of its own
    /// account's ticket match; an empty answer means the ticket does not exist for this caller.
    /// </summary>
    public async Task<IReadOnlyList<TicketEvent>> GetEventsAsync(string id, string? onlyPublicOfCustomer, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var from = TicketKeys.EventsOf(id);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TicketKeys.Partition} and RowKey ge {from} and RowKey lt {from + StorageKey.RangeEnd}");
        if (onlyPublicOfCustomer is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Visibility eq {EnumText.Of(EventVisibility.Public)} and CustomerId eq {onlyPublicOfCustomer}");
        }

        var events = new List<TicketEvent>();
        await foreach (var row in client.QueryAsync<TableEntity>(filter, select: ["Doc", "Body"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(TicketRows.ToEvent(row));
        }

        return events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds an event that changes nothing else (a notification sent), keyed so a repeat is a no-op.
    /// Returns false when an event with that id was already recorded.</summary>
    public async Task<bool> AppendStandaloneEventAsync(TicketEvent e, string? customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var client = await table.GetAsync().ConfigureAwait(false);
        try
        {
            await client.AddEntityAsync(TicketRows.EventRow(e, customerId), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<PendingMessage>> OutboxOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var upper = TicketKeys.OutboxPrefix + StorageKey.OldestFirst(cutoff);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TicketKeys.Partition} and RowKey ge {TicketKeys.OutboxPrefix} and RowKey lt {upper}");
        var pending = new List<PendingMessage>();
        await foreach (var row in client.QueryAsync<TableEntity>(filter, select: ["RowKey", "Envelope", "Data_body", "Data_description"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            pending.Add(TicketRows.ToPendingMessage(row));
        }

        return pending;
    }

    /// <summary>Deletes outbox rows, up to <see cref="MaxBatch"/> per transaction. A row someone else deleted
    /// already (the relay and the cleanup can race) is dropped from the batch instead of failing the rest.</summary>
    public async Task DeleteOutboxAsync(IReadOnlyList<string> rowKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rowKeys);
        var client = await table.GetAsync().ConfigureAwait(false);
        foreach (var chunk in rowKeys.Chunk(MaxBatch))
        {
            var remaining = chunk.ToList();
            while (remaining.Count > 0)
            {
                try
                {
                    await client.SubmitTransactionAsync(
                        remaining.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(TicketKeys.Partition, key), ETag.All)),
                        cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (TableTransactionFailedException ex) when (ex.ErrorCode == TableErrorCode.ResourceNotFound && ex.FailedTransactionActionIndex is int gone && gone < remaining.Count)
                {
                    remaining.RemoveAt(gone);
                }
            }
        }
    }

    private static List<PendingMessage> AddEventsAndOutbox(List<TableTransactionAction> actions, TicketChange change)
    {
        actions.AddRange(change.Events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, TicketRows.EventRow(e, change.Ticket.CustomerId))));
        var outbox = TicketEnvelopes.For(change)
            .Select(envelope => new PendingMessage(TicketKeys.Outbox(envelope.OccurredAt, envelope.TicketId, envelope.EventId), envelope))
            .ToList();
        actions.AddRange(outbox.Select(message => new TableTransactionAction(TableTransactionActionType.Add, TicketRows.OutboxRow(message))));
        return outbox;
    }

    private static TableTransactionAction ClaimAction(IdempotencyClaim claim, Ticket ticket) =>
        new(TableTransactionActionType.Add, new TableEntity(TicketKeys.Partition, claim.RowKey)
        {
            ["RequestHash"] = claim.RequestHash,
            ["TicketId"] = ticket.Id,
            ["Outcome"] = claim.Outcome,
            ["Doc"] = JsonSerializer.Serialize(ticket with { Description = string.Empty }, HelpdeskJson.Options),
            ["Description"] = ticket.Description,
        });

    private static bool IsEventCollision(TableTransactionFailedException ex, List<TableTransactionAction> actions) =>
        ex.Status == 409 && ex.FailedTransactionActionIndex is int index && index < actions.Count
        && actions[index].Entity.RowKey.StartsWith("event|", StringComparison.Ordinal);

    private static RequestRejectedException Stale(string id) =>
        new(Rejection.Stale, $"Ticket {id} has changed since it was read; read it again and retry.");

    private async Task<TicketPage> PageAsync(string filter, int top, string? continuationToken, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var token = ContinuationTokens.Decode(continuationToken);
        var pages = client.QueryAsync<TableEntity>(filter, maxPerPage: top, select: ["Doc"], cancellationToken: cancellationToken).AsPages(token, top);
        try
        {
            await foreach (var page in pages.ConfigureAwait(false))
            {
                var now = _clock.GetUtcNow();
                var items = page.Values.Select(row => TicketRows.ToListedTicket(row.GetString("Doc"), now)).ToList();
                return new TicketPage(items, ContinuationTokens.Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException ex) when (token is not null && ex.Status == 400)
        {
            throw ContinuationTokens.Invalid();
        }

        return new TicketPage([], null);
    }
}
