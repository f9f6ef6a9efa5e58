namespace InfoFloPay.Domain.Monitoring;

/// <summary>
/// What the desk remembers about one target between probe runs. An outage is active while
/// <see cref="OutageStartedAt"/> is set; <see cref="IncidentId"/> stays after recovery so a relapse within the
/// reopen window goes back to the same incident.
/// </summary>
public sealed record TargetState
{
    public static readonly TargetState Initial = new();

    public int ConsecutiveFailures { get; init; }

    /// <summary>Successful probes in a row; during an outage they count towards the target's recovery threshold.</summary>
    public int ConsecutiveSuccesses { get; init; }

    /// <summary>During an outage, the first success of the streak that may end it; the outage ends there once confirmed.</summary>
    public DateTimeOffset? RecoveringSince { get; init; }

    /// <summary>The first failed probe of the current failing streak.</summary>
    public DateTimeOffset? FailingSince { get; init; }

    /// <summary>When the active outage began (its first failed probe); null when there is no active outage.</summary>
    public DateTimeOffset? OutageStartedAt { get; init; }

    /// <summary>How many incidents have been opened for this target; numbers the outages.</summary>
    public int OutageCount { get; init; }

    public string? IncidentId { get; init; }

    public bool IncidentResolved { get; init; }

    public DateTimeOffset? LastNoteAt { get; init; }

    public DateTimeOffset? RecoveredAt { get; init; }

    /// <summary>The last probe result that was counted.</summary>
    public ProbeResult? LastResult { get; init; }

    /// <summary>The slot of the last counted probe; a result for this slot or an earlier one is ignored.</summary>
    public DateTimeOffset? LastCountedSlot => LastResult?.Slot;

    public bool InOutage => OutageStartedAt is not null;

    /// <summary>The incident a person should look at now, or null when the last incident is resolved.</summary>
    public string? OpenIncidentId => IncidentResolved ? null : IncidentId;
}
