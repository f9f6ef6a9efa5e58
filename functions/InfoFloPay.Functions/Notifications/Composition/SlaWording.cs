using System.Globalization;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Sla;

namespace InfoFloPay.Functions.Notifications.Composition;

/// <summary>
/// The SLA as an email states it: the policy's own target for a tier and priority ("4 business hours") and the time left
/// before a due time, measured on the same calendar the SLA engine measures it on (business hours or round the clock).
/// </summary>
public sealed class SlaWording(SlaPolicy policy, TimeProvider clock)
{
    /// <summary>The tier as its plan is named: <c>reserve</c> → <c>Reserve</c>, <c>vip</c> → <c>VIP</c>.</summary>
    public static string? TierName(string? tier) =>
        tier is null ? null
        : EnumText.TryParse<SlaTier>(tier, out var known) ? (known == SlaTier.Vip ? "VIP" : known.ToString())
        : tier;

    /// <summary><c>first-response</c> → <c>first response</c>.</summary>
    public static string TargetName(string target) => target.Replace('-', ' ');

    /// <summary>The first-response target of the policy row, e.g. "4 business hours"; null for an unknown tier or priority.</summary>
    public string? FirstResponseWithin(string? tier, string priority) =>
        Row(tier, priority) is { } targets ? Describe(targets.FirstResponse, targets.Calendar) : null;

    /// <summary>The calendar of the policy row; null for an unknown tier or priority.</summary>
    public SlaCalendarKind? CalendarOf(string? tier, string priority) => Row(tier, priority)?.Calendar;

    /// <summary>From now until <paramref name="dueAt"/> on <paramref name="calendar"/>, e.g. "1 business hour 30 minutes".</summary>
    public string TimeLeft(DateTimeOffset dueAt, SlaCalendarKind calendar) =>
        Describe(policy.CalendarFor(calendar).BusinessTimeBetween(clock.GetUtcNow(), dueAt), calendar);

    /// <summary>"4 business hours", "1 business hour 30 minutes", "45 business minutes"; without "business" round the clock.</summary>
    public static string Describe(TimeSpan duration, SlaCalendarKind calendar)
    {
        var minutes = (long)Math.Round(Math.Max(0, duration.TotalMinutes), MidpointRounding.AwayFromZero);
        if (minutes == 0)
        {
            return "less than a minute";
        }

        var business = calendar == SlaCalendarKind.Business ? "business " : string.Empty;
        var (hours, rest) = (minutes / 60, minutes % 60);
        var parts = new List<string>(2);
        if (hours > 0)
        {
            parts.Add(Count(hours, business + "hour"));
        }

        if (rest > 0)
        {
            parts.Add(Count(rest, (hours > 0 ? string.Empty : business) + "minute"));
        }

        return string.Join(' ', parts);
    }

    private SlaTargets? Row(string? tier, string priority) =>
        tier is not null && EnumText.TryParse<SlaTier>(tier, out var knownTier) && EnumText.TryParse<SlaPriority>(priority, out var knownPriority)
            ? policy.TargetsFor(knownTier, knownPriority)
            : null;

    private static string Count(long value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? string.Empty : "s")}");
}
