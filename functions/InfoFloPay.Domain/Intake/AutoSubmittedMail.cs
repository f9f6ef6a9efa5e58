using System.Text.RegularExpressions;

namespace InfoFloPay.Domain.Intake;

/// <summary>
/// Mail no person wrote — out-of-office replies, bounces, list traffic, our own notifications coming back — which must
/// never open a ticket or answer one, or the desk and an auto-responder would mail each other forever (RFC 3834).
/// </summary>
public static partial class AutoSubmittedMail
{
    private static readonly string[] BulkPrecedence = ["bulk", "junk", "list", "auto_reply"];

    /// <summary>Headers auto-responders (Exchange, many vacation tools) set on what they send.</summary>
    private static readonly string[] AutoReplyHeaders = ["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"];

    private static readonly string[] MachineSenders =
        ["mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply", "donotreply", "bounce", "bounces"];

    /// <summary>Why the mail is machine-sent, or null when a person sent it. <paramref name="deskAddress"/> is the
    /// support address: mail from it, or from any <c>+tag</c> variant of it, is the desk's own coming back.</summary>
    public static DroppedMail? Reason(string senderEmail, IReadOnlyDictionary<string, string> headers, string subject = "", string? deskAddress = null)
    {
        ArgumentNullException.ThrowIfNull(senderEmail);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(subject);
        if (headers.TryGetValue("Auto-Submitted", out var autoSubmitted) && !string.Equals(autoSubmitted.Trim(), "no", StringComparison.OrdinalIgnoreCase))
        {
            return new(DropRule.AutoSubmitted, $"Auto-Submitted: {autoSubmitted.Trim()}");
        }

        if (Bounce(headers) is { } bounce)
        {
            return new(DropRule.Bounce, bounce);
        }

        if (headers.TryGetValue("Precedence", out var precedence) && BulkPrecedence.Contains(precedence.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return new(DropRule.Bulk, $"Precedence: {precedence.Trim()}");
        }

        if (headers.ContainsKey("List-Id"))
        {
            return new(DropRule.Bulk, "List-Id header (mailing-list traffic)");
        }

        if (AutoReplyHeaders.FirstOrDefault(headers.ContainsKey) is { } marker)
        {
            return new(DropRule.AutoReply, $"{marker} header");
        }

        // Our own notifications carry the ticket header; one that comes back is a loop, whatever else it says.
        if (headers.ContainsKey("X-IFP-Ticket"))
        {
            return new(DropRule.OwnMail, "X-IFP-Ticket header (mail sent by this desk)");
        }

        if (deskAddress is not null && SameMailbox(senderEmail, deskAddress))
        {
            return new(DropRule.OwnMail, $"sent from the support address {senderEmail} (a loop)");
        }

        var localPart = senderEmail[..Math.Max(0, senderEmail.IndexOf('@', StringComparison.Ordinal))];
        if (MachineSenders.Contains(localPart, StringComparer.OrdinalIgnoreCase))
        {
            return new(DropRule.MachineSender, $"machine sender {senderEmail}");
        }

        // Many auto-responders set none of the headers above; their subject still says what they are.
        return AutoReplySubject().Match(subject) is { Success: true } prefix
            ? new(DropRule.AutoReply, $"auto-reply subject \"{prefix.Value.Trim()}\"")
            : null;
    }

    /// <summary>A delivery status notification (RFC 3464): the null reverse-path, the failed-recipients list or the
    /// report media type each mark one, whoever it claims to be from.</summary>
    private static string? Bounce(IReadOnlyDictionary<string, string> headers)
    {
        if (headers.TryGetValue("Return-Path", out var returnPath) && returnPath.Trim() is "<>")
        {
            return "null Return-Path (a bounce)";
        }

        if (headers.ContainsKey("X-Failed-Recipients"))
        {
            return "X-Failed-Recipients header (a bounce)";
        }

        return headers.TryGetValue("Content-Type", out var contentType)
            && contentType.TrimStart().StartsWith("multipart/report", StringComparison.OrdinalIgnoreCase)
            ? "Content-Type: multipart/report (a delivery or read report)"
            : null;
    }

    /// <summary>Same mailbox, ignoring case and a <c>+tag</c> on the local part (support+billing@ is support@).</summary>
    private static bool SameMailbox(string sender, string mailbox)
    {
        static string Untagged(string address)
        {
            var at = address.LastIndexOf('@');
            if (at < 0)
            {
                return address.Trim();
            }

            var local = address[..at];
            var plus = local.IndexOf('+', StringComparison.Ordinal);
            return (plus < 0 ? local : local[..plus]) + address[at..];
        }

        return mailbox.Length > 0 && string.Equals(Untagged(sender.Trim()), Untagged(mailbox.Trim()), StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(
        @"^\s*(automatic reply|auto[- ]?reply|auto[- ]?response|autoresponse|out of (the )?office( auto ?reply)?|abwesenheitsnotiz|automatische antwort|réponse automatique|respuesta automática|risposta automatica)\s*:",
        RegexOptions.IgnoreCase)]
    private static partial Regex AutoReplySubject();
}

/// <summary>Why intake dropped a mail: <see cref="Rule"/> for counting (a handful of values), <see cref="Detail"/> for
/// people (the header or sender that decided it).</summary>
public sealed record DroppedMail(DropRule Rule, string Detail);

public enum DropRule
{
    AutoSubmitted,
    Bounce,
    Bulk,
    AutoReply,
    OwnMail,
    MachineSender,
}
