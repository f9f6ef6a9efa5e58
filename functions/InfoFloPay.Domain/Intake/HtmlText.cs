using System.Net;
using System.Text.RegularExpressions;

namespace InfoFloPay.Domain.Intake;

/// <summary>The readable text of an HTML-only email. Intake stores text, never markup, so nothing a sender wrote can
/// render as HTML in the portal or in a notification.</summary>
public static partial class HtmlText
{
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = Invisible().Replace(html, " ");
        text = LineBreak().Replace(text, "\n");
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(text);
        return BlankLines().Replace(string.Join('\n', text.Split('\n').Select(line => line.Trim())), "\n\n").Trim();
    }

    // Whatever a stranger mails in, these run in linear time: no backreference, and the non-backtracking engine, so a
    // body of unclosed "<style" or "<" costs milliseconds, not hours.
    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<head\b[^>]*>.*?</head\s*>",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/tr|/h[1-6])\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.NonBacktracking)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
