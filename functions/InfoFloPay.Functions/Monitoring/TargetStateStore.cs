using Azure;
using Azure.Data.Tables;
using InfoFloPay.Domain.Monitoring;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>
/// A target's <c>state</c> row and its history ring, in the target's own partition. State changes are conditioned on
/// the ETag that was read, so two runs never both apply a change made from the same old state.
/// </summary>
internal sealed class TargetStateStore(MonitoringTable table, IOptions<MonitoringOptions> options)
{
    private const int MaxDetailLength = 1000;

    public async Task<StoredTargetState> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var found = await client.GetEntityIfExistsAsync<TableEntity>(
            MonitoringTable.TargetPartition(name), MonitoringTable.StateRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue
            ? new StoredTargetState(ToState(found.Value!), found.Value!.ETag)
            : new StoredTargetState(TargetState.Initial, null);
    }

    /// <summary>
    /// Writes the new state and the result's history entry in one transaction, if the state is still the one read.
    /// Returns false when another run changed it first (412) or created it first (409), or the target's removal deleted it
    /// (404): then the caller reads again and finds out which.
    /// </summary>
    public Task<bool> TryCommitAsync(string name, TargetState state, ETag? readETag, ProbeResult result, CancellationToken cancellationToken) =>
        TryCommitAsync(name, ProbeSlot.Length, state, readETag, result, cancellationToken);

    /// <inheritdoc cref="TryCommitAsync(string, TargetState, ETag?, ProbeResult, CancellationToken)"/>
    /// <param name="interval">The target's interval: the history ring holds one entry per slot of it.</param>
    public async Task<bool> TryCommitAsync(
        string name, TimeSpan interval, TargetState state, ETag? readETag, ProbeResult result, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var index = ProbeSlot.RingIndex(result.Slot, interval, options.Value.HistoryLength);
        TableTransactionAction[] actions =
        [
            StateAction(name, state, readETag),
            new(TableTransactionActionType.UpsertReplace, ToHistoryEntity(name, index, result)),
        ];
        try
        {
            await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Writes the state alone, if it is still the one read; false when another run changed it first or the
    /// target's removal deleted it.</summary>
    public async Task<bool> TryReplaceAsync(string name, TargetState state, ETag readETag, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.UpdateEntityAsync(ToStateEntity(name, state), readETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// The state and the history of the last <paramref name="historyCount"/> slots up to <paramref name="now"/>, newest first,
    /// read with one query of the target's partition that names only the ring entries wanted.
    /// </summary>
    public Task<(TargetState State, IReadOnlyList<ProbeResult> History)> ReadWithHistoryAsync(
        string name, DateTimeOffset now, int historyCount, CancellationToken cancellationToken) =>
        ReadWithHistoryAsync(name, ProbeSlot.Length, now, historyCount, cancellationToken);

    /// <inheritdoc cref="ReadWithHistoryAsync(string, DateTimeOffset, int, CancellationToken)"/>
    /// <param name="interval">The target's interval: one history entry per slot of it.</param>
    public async Task<(TargetState State, IReadOnlyList<ProbeResult> History)> ReadWithHistoryAsync(
        string name, TimeSpan interval, DateTimeOffset now, int historyCount, CancellationToken cancellationToken)
    {
        var length = options.Value.HistoryLength;
        historyCount = Math.Clamp(historyCount, 0, length);
        var newest = ProbeSlot.Of(now, interval);
        var oldest = newest - (interval * (historyCount - 1));

        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MonitoringTable.TargetPartition(name)}")
            + " and (" + TableClient.CreateQueryFilter($"RowKey eq {MonitoringTable.StateRow}")
            + HistoryRangeFilter(ProbeSlot.RingIndex(oldest, interval, length), ProbeSlot.RingIndex(newest, interval, length), historyCount, length) + ")";

        var state = TargetState.Initial;
        var history = new List<ProbeResult>();
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey == MonitoringTable.StateRow)
            {
                state = ToState(entity);
            }
            else if (ToHistory(entity) is { } entry && entry.Slot >= oldest && entry.Slot <= newest)
            {
                // A ring entry outside the window is from an earlier lap that no probe has overwritten yet.
                history.Add(entry);
            }
        }

        history.Sort((a, b) => b.Slot.CompareTo(a.Slot));
        return (state, history);
    }

    private static string HistoryRangeFilter(int first, int last, int count, int length)
    {
        if (count == 0)
        {
            return "";
        }

        if (count >= length)
        {
            return Range(0, length - 1);
        }

        return first <= last ? Range(first, last) : Range(first, length - 1) + Range(0, last);

        static string Range(int from, int to) =>
            " or " + TableClient.CreateQueryFilter($"(RowKey ge {MonitoringTable.HistoryRow(from)} and RowKey le {MonitoringTable.HistoryRow(to)})");
    }

    private static TableTransactionAction StateAction(string name, TargetState state, ETag? readETag) =>
        readETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToStateEntity(name, state), etag)
            : new TableTransactionAction(TableTransactionActionType.Add, ToStateEntity(name, state));

    private static TableEntity ToStateEntity(string name, TargetState state)
    {
        var entity = new TableEntity(MonitoringTable.TargetPartition(name), MonitoringTable.StateRow)
        {
            ["ConsecutiveFailures"] = state.ConsecutiveFailures,
            ["ConsecutiveSuccesses"] = state.ConsecutiveSuccesses,
            ["RecoveringSince"] = state.RecoveringSince,
            ["FailingSince"] = state.FailingSince,
            ["OutageStartedAt"] = state.OutageStartedAt,
            ["OutageCount"] = state.OutageCount,
            ["IncidentId"] = state.IncidentId,
            ["IncidentResolved"] = state.IncidentResolved,
            ["LastNoteAt"] = state.LastNoteAt,
            ["RecoveredAt"] = state.RecoveredAt,
        };
        if (state.LastResult is { } last)
        {
            WriteResult(entity, "Last", last);
        }

        return entity;
    }

    private static TargetState ToState(TableEntity entity) => new()
    {
        ConsecutiveFailures = entity.GetInt32("ConsecutiveFailures") ?? 0,
        ConsecutiveSuccesses = entity.GetInt32("ConsecutiveSuccesses") ?? 0,
        RecoveringSince = entity.GetDateTimeOffset("RecoveringSince"),
        FailingSince = entity.GetDateTimeOffset("FailingSince"),
        OutageStartedAt = entity.GetDateTimeOffset("OutageStartedAt"),
        OutageCount = entity.GetInt32("OutageCount") ?? 0,
        IncidentId = entity.GetString("IncidentId"),
        IncidentResolved = entity.GetBoolean("IncidentResolved") ?? false,
        LastNoteAt = entity.GetDateTimeOffset("LastNoteAt"),
        RecoveredAt = entity.GetDateTimeOffset("RecoveredAt"),
        LastResult = ReadResult(entity, "Last"),
    };

    private static TableEntity ToHistoryEntity(string name, int index, ProbeResult result)
    {
        var entity = new TableEntity(MonitoringTable.TargetPartition(name), MonitoringTable.HistoryRow(index));
        WriteResult(entity, "", result);
        return entity;
    }

    private static ProbeResult? ToHistory(TableEntity entity) => ReadResult(entity, "");

    private static void WriteResult(TableEntity entity, string prefix, ProbeResult result)
    {
        var detail = result.Outcome.Detail;
        entity[prefix + "Slot"] = result.Slot;
        entity[prefix + "CheckedAt"] = result.CheckedAt;
        entity[prefix + "Succeeded"] = result.Succeeded;
        entity[prefix + "StatusCode"] = result.Outcome.StatusCode;
        entity[prefix + "LatencyMs"] = result.Outcome.Latency.TotalMilliseconds;
        entity[prefix + "Detail"] = detail.Length > MaxDetailLength ? detail[..MaxDetailLength] : detail;
    }

    private static ProbeResult? ReadResult(TableEntity entity, string prefix) =>
        entity.GetDateTimeOffset(prefix + "Slot") is { } slot
            ? new ProbeResult(
                slot,
                entity.GetDateTimeOffset(prefix + "CheckedAt") ?? slot,
                new ProbeOutcome(
                    entity.GetBoolean(prefix + "Succeeded") ?? false,
                    entity.GetInt32(prefix + "StatusCode"),
                    TimeSpan.FromMilliseconds(entity.GetDouble(prefix + "LatencyMs") ?? 0),
                    entity.GetString(prefix + "Detail") ?? ""))
            : null;
}

/// <summary>A target's state as read, with the ETag a change must be conditioned on (null: no state stored yet).</summary>
internal sealed record StoredTargetState(TargetState State, ETag? ETag);
