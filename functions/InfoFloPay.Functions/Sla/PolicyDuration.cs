using System.Globalization;
using System.Text.RegularExpressions;

namespace InfoFloPay.Functions.Sla;

/// <summary>
/// Durations in the policy file: ISO-8601 with hours and minutes only (<c>PT4H</c>, <c>PT30M</c>, <c>PT1H30M</c>).
/// Days are refused on purpose: on a business calendar "P2D" could mean 48 working hours or two working days.
/// </summary>
internal static partial class PolicyDuration
{
    public const string Expected = "an ISO-8601 duration in hours and minutes, e.g. PT4H, PT30M or PT1H30M";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null || Pattern().Match(text) is not { Success: true } match
            || (!match.Groups["hours"].Success && !match.Groups["minutes"].Success))
        {
            return false;
        }

        var hours = match.Groups["hours"].Success ? long.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups["minutes"].Success ? long.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0;
        duration = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
        return true;
    }

    [GeneratedRegex(@"^PT(?:(?<hours>\d{1,5})H)?(?:(?<minutes>\d{1,6})M)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
