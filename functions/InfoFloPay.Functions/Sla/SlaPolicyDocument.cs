namespace InfoFloPay.Functions.Sla;

/// <summary>
/// The policy file as written. Every value is read as text so the loader, not the JSON reader, reports a bad value
/// with the path of the entry it is in.
/// </summary>
internal sealed class SlaPolicyDocument
{
    public SlaCalendarDocument? Calendar { get; init; }

    public Dictionary<string, Dictionary<string, SlaRowDocument?>?>? Tiers { get; init; }
}

internal sealed class SlaCalendarDocument
{
    public string? TimeZone { get; init; }

    public List<string?>? WorkingDays { get; init; }

    public SlaWorkingHoursDocument? WorkingHours { get; init; }

    /// <summary>Add the US federal holidays (observed dates) of every year.</summary>
    public bool UsFederalHolidays { get; init; } = true;

    /// <summary>Further closed dates, <c>yyyy-MM-dd</c>.</summary>
    public List<string?>? Holidays { get; init; }
}

internal sealed class SlaWorkingHoursDocument
{
    public string? Start { get; init; }

    public string? End { get; init; }
}

internal sealed class SlaRowDocument
{
    public string? FirstResponse { get; init; }

    public string? Resolution { get; init; }

    public string? Calendar { get; init; }

    public string? WarningLead { get; init; }
}
