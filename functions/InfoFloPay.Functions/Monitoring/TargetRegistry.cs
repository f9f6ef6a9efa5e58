using System.Globalization;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Monitoring;
using InfoFloPay.Functions.Monitoring.Heartbeats;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Monitoring;

/// <summary>The targets as the monitoring API shows and changes them; refusals are <see cref="RequestRejectedException"/>s
/// so they answer like the rest of the API.</summary>
internal sealed class TargetRegistry(
    MonitoringTargetStore targets,
    TargetStateStore states,
    HeartbeatStore heartbeats,
    HeartbeatUrls heartbeatUrls,
    TimeProvider clock,
    IOptions<MonitoringOptions> options,
    ILogger<TargetRegistry> logger)
{
    private const int DefaultHistory = 60;

    public Task<IReadOnlyList<MonitoredTarget>> ListAsync(CancellationToken cancellationToken) => targets.ListAsync(cancellationToken);

    /// <summary>Every target with its state: one partition query for the definitions, then the state rows side by side.</summary>
    public async Task<IReadOnlyList<(MonitoredTarget Target, TargetState State)>> ListWithStateAsync(CancellationToken cancellationToken)
    {
        var all = await targets.ListAsync(cancellationToken).ConfigureAwait(false);
        var read = await Task.WhenAll(all.Select(t => states.ReadAsync(t.Name, cancellationToken))).ConfigureAwait(false);
        return [.. all.Zip(read, (target, stored) => (target, stored.State))];
    }

    /// <summary>A target with its state and its last <paramref name="history"/> results (default 60, at most
    /// <c>Monitoring:HistoryLength</c>, the history the desk keeps).</summary>
    public async Task<(MonitoredTarget Target, TargetState State, IReadOnlyList<ProbeResult> History)> GetAsync(
        string name, string? history, CancellationToken cancellationToken)
    {
        var count = HistoryCount(history, options.Value.HistoryLength);
        var target = await FindOrThrowAsync(name, cancellationToken).ConfigureAwait(false);
        var (state, results) = await states.ReadWithHistoryAsync(name, target.Interval, clock.GetUtcNow(), count, cancellationToken).ConfigureAwait(false);
        return (target, state, results);
    }

    /// <summary>
    /// Adds or changes the target named <paramref name="name"/>; bad input is refused before anything is stored. A heartbeat
    /// target that has no secret yet (new, or until now another kind) gets one, and only then is its URL in the answer:
    /// a replace keeps the secret and never shows it again. A target that stops being a heartbeat loses its secret.
    /// </summary>
    public async Task<PutTargetResult> PutAsync(string name, TargetRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = TargetDefinition.Validate(new TargetDraft(
            name, request.Kind, request.Url, request.ExpectedStatus, request.TimeoutSeconds, request.BodyContains, request.FailureThreshold, request.CustomerId,
            request.IntervalSeconds, request.RecoveryThreshold, request.Public, request.GraceSeconds))
            .Accepted();

        var created = await targets.SaveAsync(target, cancellationToken).ConfigureAwait(false);
        string? heartbeatUrl = null;
        if (target.Kind == ProbeKind.Heartbeat)
        {
            heartbeatUrl = await heartbeats.IssueAsync(target.Name, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false) is { } secret
                ? heartbeatUrls.For(secret)
                : null;
        }
        else
        {
            await heartbeats.RevokeAsync(target.Name, cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("Monitoring target {Target} {Change}{Secret}", target.Name, created ? "added" : "changed",
            heartbeatUrl is null ? "" : " with a new heartbeat URL");
        return new PutTargetResult(target, created, heartbeatUrl);
    }

    /// <summary>
    /// Gives heartbeat target <paramref name="name"/> a new heartbeat URL and returns it; the old one answers 404 at once.
    /// The target keeps its definition, state, history and open incident. A heartbeat target left without a secret
    /// (a PUT cut off half-way) gets its first one here.
    /// </summary>
    public async Task<(MonitoredTarget Target, string HeartbeatUrl)> RotateHeartbeatUrlAsync(string name, CancellationToken cancellationToken)
    {
        var target = await FindOrThrowAsync(name, cancellationToken).ConfigureAwait(false);
        if (target.Kind != ProbeKind.Heartbeat)
        {
            throw RequestRejectedException.Conflict(
                $"Monitoring target '{name}' is a {EnumText.Of(target.Kind)} target: only a heartbeat target has a heartbeat URL.");
        }

        var now = clock.GetUtcNow();
        var secret = await heartbeats.RotateAsync(name, now, cancellationToken).ConfigureAwait(false)
            ?? await heartbeats.IssueAsync(name, now, cancellationToken).ConfigureAwait(false)
            ?? throw HeartbeatStore.ChangedMeanwhile(name);
        logger.LogInformation("Heartbeat URL of monitoring target {Target} rotated", name);
        return (target, heartbeatUrls.For(secret));
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        if (!TargetDefinition.IsValidName(name))
        {
            throw NotFound(name);
        }

        // The secret's index row lives outside the target's partition, so it goes first; the partition goes with the target.
        await heartbeats.RevokeAsync(name, cancellationToken).ConfigureAwait(false);
        if (!await targets.DeleteAsync(name, cancellationToken).ConfigureAwait(false))
        {
            throw NotFound(name);
        }

        logger.LogInformation("Monitoring target {Target} removed", name);
    }

    private static int HistoryCount(string? text, int kept)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Math.Min(DefaultHistory, kept);
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= kept)
        {
            return count;
        }

        var errors = new ValidationErrors();
        errors.Add("history", string.Create(CultureInfo.InvariantCulture, $"Must be a whole number from 0 to {kept}."));
        throw RequestRejectedException.Validation(errors);
    }

    private async Task<MonitoredTarget> FindOrThrowAsync(string name, CancellationToken cancellationToken) =>
        (TargetDefinition.IsValidName(name) ? await targets.FindAsync(name, cancellationToken).ConfigureAwait(false) : null) ?? throw NotFound(name);

    private static RequestRejectedException NotFound(string name) => RequestRejectedException.NotFound($"Monitoring target '{name}'");
}

/// <summary>What a PUT stored; <see cref="HeartbeatUrl"/> only when it made the target's heartbeat secret.</summary>
internal sealed record PutTargetResult(MonitoredTarget Target, bool Created, string? HeartbeatUrl);
