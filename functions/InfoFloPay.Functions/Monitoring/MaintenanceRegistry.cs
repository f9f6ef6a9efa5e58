using Azure;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Monitoring;
using Microsoft.Extensions.Logging;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>The maintenance windows as the monitoring API shows and changes them; refusals are
/// <see cref="RequestRejectedException"/>s so they answer like the rest of the API.</summary>
internal sealed class MaintenanceRegistry(MaintenanceWindowStore windows, TimeProvider clock, ILogger<MaintenanceRegistry> logger)
{
    /// <summary>Every window as it stands now, soonest first.</summary>
    public async Task<IReadOnlyList<MaintenanceWindowResponse>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = await windows.ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. all.Select(w => MaintenanceWindowResponse.From(w.Window, now))
            .OrderBy(w => w.StartsAt ?? DateTimeOffset.MaxValue)
            .ThenBy(w => w.Id, StringComparer.Ordinal)];
    }

    /// <summary>One window as it stands now, with its version for If-Match.</summary>
    public async Task<(MaintenanceWindowResponse Window, ETag ETag)> GetAsync(string id, CancellationToken cancellationToken)
    {
        var stored = (TargetDefinition.IsValidName(id) ? await windows.FindAsync(id, cancellationToken).ConfigureAwait(false) : null)
            ?? throw NotFound(id);
        return (MaintenanceWindowResponse.From(stored.Window, clock.GetUtcNow()), stored.ETag);
    }

    /// <summary>Adds or replaces window <paramref name="id"/>; bad input is refused before anything is stored.</summary>
    public async Task<(MaintenanceWindowResponse Window, ETag ETag, bool Created)> PutAsync(
        string id, MaintenanceWindowRequest request, ETag? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var window = MaintenanceRules.Validate(new MaintenanceDraft(
            id, request.Targets, request.StartsAt, request.EndsAt, request.Reason, request.Cron, request.DurationMinutes, request.TimeZone));
        var stored = await windows.SaveAsync(window, ifMatch, cancellationToken).ConfigureAwait(false);
        logger.LogInformation(
            "Maintenance window {Window} {Change} for {Targets}", window.Id, stored.Created ? "added" : "changed", string.Join(",", window.Targets));
        return (MaintenanceWindowResponse.From(window, clock.GetUtcNow()), stored.ETag, stored.Created);
    }

    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!TargetDefinition.IsValidName(id) || !await windows.DeleteAsync(id, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound(id);
        }

        logger.LogInformation("Maintenance window {Window} removed", id);
    }

    private static RequestRejectedException NotFound(string id) => RequestRejectedException.NotFound($"Maintenance window '{id}'");
}
