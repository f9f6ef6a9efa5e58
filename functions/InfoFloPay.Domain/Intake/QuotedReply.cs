using System.Text.RegularExpressions;

namespace InfoFloPay.Domain.Intake;

/// <summary>
/// Keeps what the sender wrote in a reply and drops what their mail program quoted: the "On … wrote:" block and
/// everything after it, Outlook's "Original Message" / "From:" separator and everything after it, and lines starting
/// with "&gt;". The earlier messages are on the ticket already.
/// </summary>
public static partial class QuotedReply
{
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (StartsQuote(line, i + 1 < lines.Length ? lines[i + 1] : null))
            {
                break;
            }

            if (!line.TrimStart().StartsWith('>'))
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept).Trim();
    }

    private static bool StartsQuote(string line, string? next) =>
        OriginalMessage().IsMatch(line)
        || (line.TrimStart().StartsWith("On ", StringComparison.Ordinal)
            && (WroteAtEnd().IsMatch(line) || (next is not null && WroteAtEnd().IsMatch(next) && !next.TrimStart().StartsWith('>'))));

    [GeneratedRegex(@"wrote:\s*$")]
    private static partial Regex WroteAtEnd();

    [GeneratedRegex(@"^\s*(-{2,}\s*Original Message\s*-{2,}|_{10,})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();
}
