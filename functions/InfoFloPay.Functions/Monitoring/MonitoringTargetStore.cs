using Azure;
using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Storage;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>Target definitions in the <c>targets</c> partition of the monitoring table.</summary>
internal sealed class MonitoringTargetStore(MonitoringTable table)
{
    public async Task<IReadOnlyList<MonitoredTarget>> ListAsync(CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var targets = new List<MonitoredTarget>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MonitoringTable.DefinitionsPartition}");
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            targets.Add(ToTarget(entity));
        }

        return targets;
    }

    public async Task<MonitoredTarget?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var found = await client.GetEntityIfExistsAsync<TableEntity>(MonitoringTable.DefinitionsPartition, name, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue ? ToTarget(found.Value!) : null;
    }

    /// <summary>Stores the definition; returns true when the target is new.</summary>
    public async Task<bool> SaveAsync(MonitoredTarget target, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = ToEntity(target);
        // A definition is replaced whole by PUT; the last writer wins, as PUT promises.
        return await client.AddOrReplaceAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the definition and then the target's state and history; returns false when there was no such target.
    /// The unconditional delete answers whether the definition existed (404), so nothing is read first; the state partition
    /// is cleared either way, which also finishes a delete that failed half-way or raced a probe run.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        using var deleted = await client.DeleteEntityAsync(MonitoringTable.DefinitionsPartition, name, ETag.All, cancellationToken).ConfigureAwait(false);
        var existed = deleted.Status != 404;

        await client.DeletePartitionAsync(MonitoringTable.TargetPartition(name), cancellationToken).ConfigureAwait(false);
        return existed;
    }

    private static TableEntity ToEntity(MonitoredTarget target) => new(MonitoringTable.DefinitionsPartition, target.Name)
    {
        ["Kind"] = EnumText.Of(target.Kind),
        ["Url"] = target.Url,
        ["ExpectedStatus"] = target.ExpectedStatus,
        ["TimeoutSeconds"] = target.TimeoutSeconds,
        ["BodyContains"] = target.BodyContains,
        ["FailureThreshold"] = target.FailureThreshold,
        ["CustomerId"] = target.CustomerId,
        ["IntervalSeconds"] = target.IntervalSeconds,
        ["RecoveryThreshold"] = target.RecoveryThreshold,
        ["Public"] = target.Public,
        ["GraceSeconds"] = target.GraceSeconds,
    };

    private static MonitoredTarget ToTarget(TableEntity entity) => new(
        entity.RowKey,
        EnumText.TryParse<ProbeKind>(entity.GetString("Kind") ?? string.Empty, out var kind)
            ? kind
            : throw new InvalidDataException($"Monitoring target row '{entity.RowKey}' has kind '{entity.GetString("Kind")}' that no prober handles."),
        entity.GetString("Url") ?? "",
        entity.GetInt32("ExpectedStatus") ?? TargetDefinition.DefaultExpectedStatus,
        entity.GetInt32("TimeoutSeconds") ?? TargetDefinition.DefaultTimeoutSeconds,
        entity.GetString("BodyContains"),
        entity.GetInt32("FailureThreshold") ?? TargetDefinition.MinFailureThreshold,
        entity.GetString("CustomerId"))
    {
        // v1 rows have none of these: they were probed every minute and recovered on one success.
        IntervalSeconds = entity.GetInt32("IntervalSeconds") ?? TargetDefinition.DefaultIntervalSeconds,
        RecoveryThreshold = entity.GetInt32("RecoveryThreshold") ?? TargetDefinition.DefaultRecoveryThreshold,
        Public = entity.GetBoolean("Public") ?? false,
        GraceSeconds = entity.GetInt32("GraceSeconds") ?? 0,
    };
}
