using System.Text.RegularExpressions;

namespace InfoFloPay.Domain.Intake;

/// <summary>What a subject line tells intake: the tickets it names (<c>[IFP-n]</c>, which every desk email carries), the
/// subject without reply prefixes and ticket tags, and whether the sender flagged the mail as high priority.</summary>
public static partial class MailSubject
{
    /// <summary>Ticket ids tagged in the subject, in order, upper-case.</summary>
    public static IReadOnlyList<string> TicketRefs(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return [.. TicketTag().Matches(subject).Select(match => match.Groups[1].Value.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The subject for a new ticket: no "Re:"/"Fwd:" prefixes, no ticket tags, one line.</summary>
    public static string Clean(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var cleaned = Whitespace().Replace(TicketTag().Replace(subject, " "), " ").Trim();
        while (ReplyPrefix().Match(cleaned) is { Success: true } prefix)
        {
            cleaned = cleaned[prefix.Length..].TrimStart();
        }

        return cleaned;
    }

    /// <summary>
    /// How the sender marked the mail as high priority (a [HIGH] or [URGENT] tag, "high priority" or "urgent" in the
    /// subject, or the Importance / X-Priority / Priority headers mail programs set), or null. Customers never set a
    /// ticket's priority; staff see this at triage.
    /// </summary>
    public static string? HighPriorityMarker(string subject, IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(headers);
        if (HighPriorityWords().Match(subject) is { Success: true } words)
        {
            return $"\"{words.Value}\" in the subject";
        }

        if (headers.TryGetValue("Importance", out var importance) && importance.Trim().Equals("high", StringComparison.OrdinalIgnoreCase))
        {
            return "Importance: high";
        }

        if (headers.TryGetValue("X-Priority", out var xPriority) && xPriority.Trim() is ['1' or '2', ..])
        {
            return $"X-Priority: {xPriority.Trim()}";
        }

        return headers.TryGetValue("Priority", out var priority) && priority.Trim().Equals("urgent", StringComparison.OrdinalIgnoreCase)
            ? "Priority: urgent"
            : null;
    }

    [GeneratedRegex(@"\[\s*(IFP-\d{1,12})\s*\]", RegexOptions.IgnoreCase)]
    private static partial Regex TicketTag();

    [GeneratedRegex(@"^(re|fw|fwd|aw|sv|wg)\s*(\[\d+\])?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"\[\s*(high|urgent)\s*\]|\bhigh[- ]priority\b|\burgent\b", RegexOptions.IgnoreCase)]
    private static partial Regex HighPriorityWords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
