using System.Globalization;

namespace InfoFloPay.Domain.Sla;

/// <summary>
/// Where one SLA clock (first response, or resolution) stands.
/// <see cref="DueAt"/> and <see cref="WarningAt"/> are null while the ticket is paused before reaching them: the time
/// left is frozen then, and only leaving <c>pending</c> fixes when it runs out.
/// </summary>
/// <param name="Cycle">Names this run of the clock; a reopen starts a new resolution cycle, so its notices go out anew.</param>
/// <param name="StoppedAt">When the clock stopped (replied or resolved); null while it runs.</param>
/// <param name="MetAt">When the target was met, if it was met by its due time.</param>
/// <param name="BreachedAt">The due time, once it passed with the target unmet.</param>
public sealed record SlaTargetState(
    SlaTargetKind Target,
    string Cycle,
    DateTimeOffset StartedAt,
    DateTimeOffset? WarningAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? StoppedAt,
    DateTimeOffset? MetAt,
    DateTimeOffset? BreachedAt,
    bool Paused)
{
    public bool Running => StoppedAt is null;

    public bool Met => MetAt is not null;

    /// <summary>The working time on the row's calendar the clock ran from its start until it stopped, pauses not
    /// counted; null while it runs. The SLA report's time to first response.</summary>
    public TimeSpan? Elapsed { get; init; }

    /// <summary>The per-ticket key of a notice about this clock, e.g. <c>firstResponse:warning</c>; stable across sweeps.</summary>
    public string NoticeKey(SlaNoticeKind kind) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cycle}:{(kind == SlaNoticeKind.Warning ? "warning" : "breach")}");
}
