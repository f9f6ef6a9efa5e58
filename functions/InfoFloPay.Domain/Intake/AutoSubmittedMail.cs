namespace InfoFloPay.Domain.Intake;

/// <summary>
/// Mail no person wrote — out-of-office replies, bounces, list traffic, our own notifications coming back — which must
/// never open a ticket or answer one, or the desk and an auto-responder would mail each other forever (RFC 3834).
/// </summary>
public static class AutoSubmittedMail
{
    private static readonly string[] BulkPrecedence = ["bulk", "junk", "list", "auto_reply"];

    /// <summary>Headers auto-responders (Exchange, many vacation tools) set on what they send.</summary>
    private static readonly string[] AutoReplyHeaders = ["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"];

    private static readonly string[] MachineSenders =
        ["mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply", "donotreply", "bounce", "bounces"];

    /// <summary>Why the mail is machine-sent, or null when a person sent it.</summary>
    public static string? Reason(string senderEmail, IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(senderEmail);
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.TryGetValue("Auto-Submitted", out var autoSubmitted) && !string.Equals(autoSubmitted.Trim(), "no", StringComparison.OrdinalIgnoreCase))
        {
            return $"Auto-Submitted: {autoSubmitted.Trim()}";
        }

        if (headers.TryGetValue("Precedence", out var precedence) && BulkPrecedence.Contains(precedence.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return $"Precedence: {precedence.Trim()}";
        }

        if (AutoReplyHeaders.FirstOrDefault(headers.ContainsKey) is { } marker)
        {
            return $"{marker} header";
        }

        // Our own notifications carry the ticket header; one that comes back is a loop, whatever else it says.
        if (headers.ContainsKey("X-IFP-Ticket"))
        {
            return "X-IFP-Ticket header (mail sent by this desk)";
        }

        var localPart = senderEmail[..Math.Max(0, senderEmail.IndexOf('@', StringComparison.Ordinal))];
        return MachineSenders.Contains(localPart, StringComparer.OrdinalIgnoreCase) ? $"machine sender {senderEmail}" : null;
    }
}
