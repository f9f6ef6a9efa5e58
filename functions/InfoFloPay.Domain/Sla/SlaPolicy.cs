namespace InfoFloPay.Domain.Sla;

/// <summary>The SLA policy: targets for every tier and priority, and the business calendar they are measured on.</summary>
public sealed class SlaPolicy
{
    private readonly Dictionary<(SlaTier, SlaPriority), SlaTargets> targets;

    public SlaPolicy(BusinessCalendar businessCalendar, IReadOnlyDictionary<(SlaTier Tier, SlaPriority Priority), SlaTargets> targets)
    {
        ArgumentNullException.ThrowIfNull(businessCalendar);
        ArgumentNullException.ThrowIfNull(targets);
        var missing = AllRows().Where(row => !targets.ContainsKey(row)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"The policy has no targets for {string.Join(", ", missing)}.", nameof(targets));
        }

        BusinessCalendar = businessCalendar;
        this.targets = targets.ToDictionary(row => (row.Key.Tier, row.Key.Priority), row => row.Value);
    }

    public BusinessCalendar BusinessCalendar { get; }

    public static IEnumerable<(SlaTier Tier, SlaPriority Priority)> AllRows() =>
        from tier in Enum.GetValues<SlaTier>()
        from priority in Enum.GetValues<SlaPriority>()
        select (tier, priority);

    public SlaTargets TargetsFor(SlaTier tier, SlaPriority priority) => targets[(tier, priority)];

    public IWorkCalendar CalendarFor(SlaCalendarKind kind) => kind switch
    {
        SlaCalendarKind.Business => BusinessCalendar,
        SlaCalendarKind.RoundTheClock => RoundTheClockCalendar.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown SLA calendar."),
    };
}
