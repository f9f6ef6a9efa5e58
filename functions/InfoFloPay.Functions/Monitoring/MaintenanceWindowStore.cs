using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Monitoring;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>A maintenance window as stored, with the version a conditional change names.</summary>
internal sealed record StoredMaintenanceWindow(MaintenanceWindow Window, ETag ETag, bool Created = false);

/// <summary>Maintenance windows in the <c>maintenance</c> partition of the monitoring table, one row per window; all of
/// them are one partition query (a desk has a handful).</summary>
internal sealed class MaintenanceWindowStore(MonitoringTable table)
{
    public async Task<IReadOnlyList<StoredMaintenanceWindow>> ListAsync(CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var windows = new List<StoredMaintenanceWindow>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MonitoringTable.MaintenancePartition}");
        await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            windows.Add(new StoredMaintenanceWindow(ToWindow(entity), entity.ETag));
        }

        return windows;
    }

    public async Task<StoredMaintenanceWindow?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var found = await client.GetEntityIfExistsAsync<TableEntity>(MonitoringTable.MaintenancePartition, id, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return found.HasValue ? new StoredMaintenanceWindow(ToWindow(found.Value!), found.Value!.ETag) : null;
    }

    /// <summary>Creates or replaces the window. With <paramref name="ifMatch"/> only that version is replaced (a missing or
    /// changed window → 412); without it the last writer wins, as PUT promises.</summary>
    public async Task<StoredMaintenanceWindow> SaveAsync(MaintenanceWindow window, ETag? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        var entity = ToEntity(window);
        if (ifMatch is { } expected)
        {
            try
            {
                var replaced = await client.UpdateEntityAsync(entity, expected, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new StoredMaintenanceWindow(window, replaced.Headers.ETag!.Value);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                throw new RequestRejectedException(Rejection.Stale, $"Maintenance window {window.Id} has changed since it was read.");
            }
        }

        try
        {
            var added = await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new StoredMaintenanceWindow(window, added.Headers.ETag!.Value, Created: true);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var upserted = await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new StoredMaintenanceWindow(window, upserted.Headers.ETag!.Value);
        }
    }

    /// <summary>Removes the window; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken).ConfigureAwait(false);
        using var deleted = await client.DeleteEntityAsync(MonitoringTable.MaintenancePartition, id, ETag.All, cancellationToken).ConfigureAwait(false);
        return deleted.Status != 404;
    }

    private static TableEntity ToEntity(MaintenanceWindow window) => new(MonitoringTable.MaintenancePartition, window.Id)
    {
        ["Targets"] = JsonSerializer.Serialize(window.Targets),
        ["Reason"] = window.Reason,
        ["StartsAt"] = window.StartsAt,
        ["EndsAt"] = window.EndsAt,
        ["Cron"] = window.Recurrence?.Cron,
        ["DurationMinutes"] = window.Recurrence?.DurationMinutes,
        ["TimeZone"] = window.Recurrence?.Zone.Id,
    };

    private static MaintenanceWindow ToWindow(TableEntity entity)
    {
        var cron = entity.GetString("Cron");
        var recurrence = cron is null
            ? null
            : MaintenanceRecurrence.TryCreate(cron, entity.GetInt32("DurationMinutes") ?? 0, entity.GetString("TimeZone") ?? MaintenanceRules.DefaultTimeZone)
                ?? throw new InvalidDataException($"Maintenance window row '{entity.RowKey}' has a schedule that no longer parses.");
        return new MaintenanceWindow
        {
            Id = entity.RowKey,
            Targets = JsonSerializer.Deserialize<string[]>(entity.GetString("Targets") ?? "[]") ?? [],
            Reason = entity.GetString("Reason"),
            StartsAt = recurrence is null ? entity.GetDateTimeOffset("StartsAt") ?? DateTimeOffset.MinValue : null,
            EndsAt = recurrence is null ? entity.GetDateTimeOffset("EndsAt") ?? DateTimeOffset.MinValue : null,
            Recurrence = recurrence,
        };
    }
}
