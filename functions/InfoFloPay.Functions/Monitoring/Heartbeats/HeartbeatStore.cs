using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using InfoFloPay.Domain;

namespace InfoFloPay.Functions.Monitoring.Heartbeats;

/// <summary>
/// Heartbeat secrets and beats in the monitoring table. The target's own partition (<c>target|{name}</c>) holds its
/// <c>heartbeat</c> row: the secret's SHA-256 hash, when it was issued and the last beat, so removing the target removes
/// it with the state. Partition <c>heartbeats</c> holds one index row per secret, keyed by the hash, naming the target:
/// a beat finds its target with one point read, then the hashes are compared in constant time against the target's row,
/// so an index row left behind by a removed or re-issued target answers as unknown.
/// </summary>
internal sealed class HeartbeatStore(MonitoringTable table)
{
    public const string IndexPartition = "heartbeats";
    public const string HeartbeatRow = "heartbeat";

    /// <summary>The target's heartbeat row, or null when it has no secret yet.</summary>
    public async Task<HeartbeatRecord?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var found = await client.GetEntityIfExistsAsync<TableEntity>(MonitoringTable.TargetPartition(name), HeartbeatRow, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue ? ToRecord(found.Value!) : null;
    }

    /// <summary>
    /// Makes the target's secret when it has none and returns it (the only time it exists outside the caller's hands);
    /// null when the target already has one, which is kept. The index row is written first, so a secret handed out
    /// always resolves; when a concurrent PUT issued one first, this one's index row is taken back.
    /// </summary>
    public async Task<string?> IssueAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var (secret, hash, key) = await AddIndexedSecretAsync(client, name, cancellationToken).ConfigureAwait(false);
        try
        {
            await client.AddEntityAsync(
                new TableEntity(MonitoringTable.TargetPartition(name), HeartbeatRow) { ["Hash"] = hash, ["IssuedAt"] = now },
                cancellationToken).ConfigureAwait(false);
            return secret;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            using var _ = await client.DeleteEntityAsync(IndexPartition, key, ETag.All, cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>
    /// Replaces the target's secret with a new one and returns it; null when the target has no secret to replace. The
    /// target's last beat is kept (its state is not reset: the job has until its next beat is due to switch URLs); the
    /// old URL stops working the moment the heartbeat row holds the new hash. Written in the order that keeps every
    /// crash harmless: the new index row first (unused until the row names its hash), then the row, conditional on the
    /// ETag it was read with (a concurrent rotation or removal refuses this one and takes its index row back), then the
    /// old index row's delete (one left behind resolves to a hash that no longer matches, so it answers as unknown).
    /// </summary>
    public async Task<string?> RotateAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var found = await client.GetEntityIfExistsAsync<TableEntity>(MonitoringTable.TargetPartition(name), HeartbeatRow, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!found.HasValue)
        {
            return null;
        }

        var row = found.Value!;
        var previous = row.GetBinary("Hash");
        var (secret, hash, key) = await AddIndexedSecretAsync(client, name, cancellationToken).ConfigureAwait(false);
        row["Hash"] = hash;
        row["IssuedAt"] = now;
        try
        {
            await client.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            using var _ = await client.DeleteEntityAsync(IndexPartition, key, ETag.All, cancellationToken).ConfigureAwait(false);
            throw ChangedMeanwhile(name);
        }

        if (previous is { Length: > 0 })
        {
            using var _ = await client.DeleteEntityAsync(IndexPartition, HeartbeatSecret.Key(previous), ETag.All, cancellationToken).ConfigureAwait(false);
        }

        return secret;
    }

    /// <summary>The name of the target whose secret this is, or null: not well formed, unknown, or no longer current.</summary>
    public async Task<string?> ResolveAsync(string secret, CancellationToken cancellationToken)
    {
        if (!HeartbeatSecret.IsWellFormed(secret))
        {
            return null;
        }

        var hash = HeartbeatSecret.Hash(secret);
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var index = await client.GetEntityIfExistsAsync<TableEntity>(IndexPartition, HeartbeatSecret.Key(hash), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (!index.HasValue || index.Value!.GetString("Target") is not { } name)
        {
            return null;
        }

        var record = await FindAsync(name, cancellationToken).ConfigureAwait(false);
        return record is not null && CryptographicOperations.FixedTimeEquals(record.Hash, hash) ? name : null;
    }

    /// <summary>Records a beat at <paramref name="now"/>; false when the target's row is gone (removed meanwhile).</summary>
    public async Task<bool> RecordBeatAsync(string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A merge keyed on ETag.All never brings back a removed target's row, and two beats at once both land.
            await client.UpdateEntityAsync(
                new TableEntity(MonitoringTable.TargetPartition(name), HeartbeatRow) { ["LastBeatAt"] = now },
                ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Takes the target's secret back: its index row and its heartbeat row. Nothing to do when it has none.</summary>
    public async Task RevokeAsync(string name, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, cancellationToken).ConfigureAwait(false) is not { } record)
        {
            return;
        }

        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        using var index = await client.DeleteEntityAsync(IndexPartition, HeartbeatSecret.Key(record.Hash), ETag.All, cancellationToken).ConfigureAwait(false);
        using var row = await client.DeleteEntityAsync(MonitoringTable.TargetPartition(name), HeartbeatRow, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The refusal of a rotation another PUT, rotation or removal overtook.</summary>
    public static RequestRejectedException ChangedMeanwhile(string name) =>
        RequestRejectedException.Conflict($"The heartbeat URL of monitoring target '{name}' changed meanwhile; rotate it again.");

    /// <summary>A new secret with its index row already written: the index row goes first, so a secret handed out
    /// always resolves, and one whose heartbeat row never names it answers as unknown.</summary>
    private static async Task<(string Secret, byte[] Hash, string Key)> AddIndexedSecretAsync(TableClient client, string name, CancellationToken cancellationToken)
    {
        var (secret, hash) = HeartbeatSecret.New();
        var key = HeartbeatSecret.Key(hash);
        await client.AddEntityAsync(new TableEntity(IndexPartition, key) { ["Target"] = name }, cancellationToken).ConfigureAwait(false);
        return (secret, hash, key);
    }

    private static HeartbeatRecord ToRecord(TableEntity entity) => new(
        entity.GetBinary("Hash") ?? [],
        entity.GetDateTimeOffset("IssuedAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("LastBeatAt"));
}

/// <summary>A target's heartbeat row: the secret's hash, when it was issued, and the last beat (null: none yet).</summary>
internal sealed record HeartbeatRecord(byte[] Hash, DateTimeOffset IssuedAt, DateTimeOffset? LastBeatAt)
{
    /// <summary>What a missing beat is measured from: the last beat, or the issue of the secret before the first one.</summary>
    public DateTimeOffset LastSignOfLife => LastBeatAt ?? IssuedAt;
}
