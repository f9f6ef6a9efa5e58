namespace InfoFloPay.Domain.Monitoring;

/// <summary>The rules a maintenance window must meet before it is stored; a refusal names each bad field.</summary>
public static class MaintenanceRules
{
    public const int MaxTargets = 100;
    public const int MaxReasonLength = 500;
    public const int MinDurationMinutes = 1;
    public const int MaxDurationMinutes = 1440;
    public const string DefaultTimeZone = "UTC";

    /// <summary>The window, or <see cref="RequestRejectedException"/> (400) naming every bad field.</summary>
    public static MaintenanceWindow Validate(MaintenanceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new ValidationErrors();
        if (!TargetDefinition.IsValidName(draft.Id))
        {
            errors.Add("id", "Use 1-63 lower-case letters, digits and hyphens, starting with a letter or digit.");
        }

        var targets = ValidateTargets(draft.Targets, errors);
        if (draft.Reason is { Length: > MaxReasonLength })
        {
            errors.Add("reason", $"At most {MaxReasonLength} characters.");
        }

        var recurrence = draft.Cron is null ? null : ValidateRecurring(draft, errors);
        if (draft.Cron is null)
        {
            ValidateOneOff(draft, errors);
        }

        errors.ThrowIfAny();
        return new MaintenanceWindow
        {
            Id = draft.Id!,
            Targets = targets,
            Reason = string.IsNullOrWhiteSpace(draft.Reason) ? null : draft.Reason.Trim(),
            StartsAt = recurrence is null ? draft.StartsAt!.Value.ToUniversalTime() : null,
            EndsAt = recurrence is null ? draft.EndsAt!.Value.ToUniversalTime() : null,
            Recurrence = recurrence,
        };
    }

    private static List<string> ValidateTargets(IReadOnlyList<string?>? targets, ValidationErrors errors)
    {
        if (targets is null || targets.Count == 0)
        {
            errors.Add("targets", "Name at least one target, or [\"*\"] for every target.");
            return [];
        }

        if (targets.Count > MaxTargets)
        {
            errors.Add("targets", $"At most {MaxTargets} targets.");
        }

        var bad = targets.Where(t => t != MaintenanceWindow.EveryTarget && !TargetDefinition.IsValidName(t)).ToList();
        if (bad.Count > 0)
        {
            errors.Add("targets", $"Not a target name: {string.Join(", ", bad.Select(t => t is null ? "null" : $"'{t}'"))}. Use target names or \"*\".");
        }

        return [.. targets.OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private static void ValidateOneOff(MaintenanceDraft draft, ValidationErrors errors)
    {
        if (draft.DurationMinutes is not null)
        {
            errors.Add("durationMinutes", "Only a recurring window (with cron) has a duration; a one-off window has startsAt and endsAt.");
        }

        if (draft.TimeZone is not null)
        {
            errors.Add("timeZone", "Only a recurring window (with cron) has a time zone; startsAt and endsAt are instants.");
        }

        if (draft.StartsAt is null)
        {
            errors.Add("startsAt", "Required (or cron, durationMinutes and timeZone for a recurring window).");
        }

        if (draft.EndsAt is null)
        {
            errors.Add("endsAt", "Required (or cron, durationMinutes and timeZone for a recurring window).");
        }
        else if (draft.StartsAt is { } starts && draft.EndsAt <= starts)
        {
            errors.Add("endsAt", "Must be after startsAt.");
        }
    }

    private static MaintenanceRecurrence? ValidateRecurring(MaintenanceDraft draft, ValidationErrors errors)
    {
        if (draft.StartsAt is not null)
        {
            errors.Add("startsAt", "A recurring window starts at each cron occurrence: send startsAt and endsAt only without cron.");
        }

        if (draft.EndsAt is not null)
        {
            errors.Add("endsAt", "A recurring window ends durationMinutes after each start: send startsAt and endsAt only without cron.");
        }

        var cronValid = MaintenanceRecurrence.TryParseCron(draft.Cron!, out _);
        if (!cronValid)
        {
            errors.Add("cron", "Must be a 6-field NCRONTAB expression (second minute hour day month day-of-week), e.g. \"0 0 2 * * Sun\".");
        }

        var duration = draft.DurationMinutes;
        if (duration is not (>= MinDurationMinutes and <= MaxDurationMinutes))
        {
            errors.Add("durationMinutes", duration is null
                ? $"Required with cron: {MinDurationMinutes} to {MaxDurationMinutes} minutes."
                : $"Must be from {MinDurationMinutes} to {MaxDurationMinutes} minutes.");
        }

        var zone = draft.TimeZone ?? DefaultTimeZone;
        var zoneValid = MaintenanceRecurrence.TryFindZone(zone, out _);
        if (!zoneValid)
        {
            errors.Add("timeZone", $"'{zone}' is not an IANA time zone such as America/New_York or UTC.");
        }

        return cronValid && zoneValid && duration is (>= MinDurationMinutes and <= MaxDurationMinutes)
            ? MaintenanceRecurrence.TryCreate(draft.Cron!, duration.Value, zone)
            : null;
    }
}
