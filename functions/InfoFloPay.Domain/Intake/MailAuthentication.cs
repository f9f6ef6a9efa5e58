using System.Text.RegularExpressions;

namespace InfoFloPay.Domain.Intake;

/// <summary>
/// The mail pipeline's verdict on who really sent a mail, from the <c>Authentication-Results</c> header its receiving
/// server adds (RFC 8601). The <c>from</c> address is whatever the sender typed; only a DMARC or SPF pass ties it to the
/// domain. Without the header there is no verdict, and intake trusts the address no more than it trusts anyone's.
/// </summary>
public static partial class MailAuthentication
{
    /// <summary>Why the mail failed authentication ("Authentication-Results: dmarc=fail"), or null when it did not.</summary>
    public static string? FailureReason(IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValue("Authentication-Results", out var results))
        {
            return null;
        }

        var failed = FailedMethod().Matches(results)
            .Select(match => $"{match.Groups[1].Value.ToLowerInvariant()}=fail")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return failed.Count == 0 ? null : $"Authentication-Results: {string.Join(", ", failed)}";
    }

    // "dmarc=fail" and "spf=fail" as result tokens, not inside a comment or a property such as "header.from=fail.example".
    [GeneratedRegex(@"(?<![\w.-])(dmarc|spf)\s*=\s*fail\b", RegexOptions.IgnoreCase)]
    private static partial Regex FailedMethod();
}
