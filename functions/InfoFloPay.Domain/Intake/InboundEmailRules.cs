using System.Globalization;
using System.Text;
using InfoFloPay.Domain.Tickets;

namespace InfoFloPay.Domain.Intake;

/// <summary>What an inbound email must carry, and how it is normalised before intake decides anything.</summary>
public static class InboundEmailRules
{
    /// <summary>Only the most recent References are followed; a long thread's oldest ids add nothing.</summary>
    public const int MaxThreadIds = 20;

    public const int MaxHeaders = 200;

    /// <summary>Markup read from an HTML-only mail. Far more than a ticket's 32 KB of text needs; cutting it first bounds
    /// the conversion's work whatever size of mail intake accepts.</summary>
    public const int MaxHtmlChars = 512 * 1024;

    /// <summary>RFC 5322's line limit; a ticket keeps 200 characters of it anyway.</summary>
    public const int MaxSubjectChars = 998;

    /// <summary>The most files one mail may carry.</summary>
    public const int MaxAttachments = 20;

    public static InboundMail Validate(InboundEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var errors = new ValidationErrors();

        var messageId = email.MessageId is null ? string.Empty : MessageIds.Normalize(email.MessageId);
        if (messageId.Length is 0 or > MessageIds.MaxLength)
        {
            errors.Add("messageId", $"The messageId must be 1 to {MessageIds.MaxLength} characters.");
        }

        var sender = email.From?.Email?.Trim().ToLowerInvariant();
        if (email.From is null)
        {
            errors.Add("from", "The from field is required.");
        }
        else if (!TicketRules.IsEmail(sender))
        {
            errors.Add("from.email", "The sender's email must be an email address.");
        }

        var senderName = string.IsNullOrWhiteSpace(email.From?.Name) ? null : email.From.Name.Trim();
        if (senderName is { Length: > TicketRules.NameMaxLength })
        {
            errors.Add("from.name", $"The sender's name must be at most {TicketRules.NameMaxLength} characters.");
        }

        if (email.To is not { Count: > 0 })
        {
            errors.Add("to", "The to field must list at least one address.");
        }
        else
        {
            for (var i = 0; i < email.To.Count; i++)
            {
                if (!TicketRules.IsEmail(email.To[i]?.Trim()))
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"to[{i}]"), "Each recipient must be an email address.");
                }
            }
        }

        if (email.Text is null)
        {
            errors.Add("text", "The text field is required (an empty string for a mail without a plain-text part).");
        }

        if (email.Headers is { Count: > MaxHeaders })
        {
            errors.Add("headers", $"At most {MaxHeaders} headers are accepted.");
        }

        var attachments = Attachments(email.Attachments, errors);
        errors.ThrowIfAny();

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in email.Headers ?? new Dictionary<string, string>())
        {
            headers[name.Trim()] = value ?? string.Empty;
        }

        var text = string.IsNullOrWhiteSpace(email.Text) && !string.IsNullOrWhiteSpace(email.Html)
            ? HtmlText.ToPlainText(email.Html.Length > MaxHtmlChars ? email.Html[..MaxHtmlChars] : email.Html)
            : email.Text!;
        var subject = email.Subject?.Trim() ?? string.Empty;

        return new InboundMail(
            messageId,
            senderName,
            sender!,
            subject.Length > MaxSubjectChars ? subject[..MaxSubjectChars] : subject,
            Fit(text.ReplaceLineEndings("\n")),
            ThreadIds(messageId, email.InReplyTo, email.References),
            headers)
        {
            Attachments = attachments,
        };
    }

    /// <summary>Each file decoded; one that is not base64 (or has no content) is an error naming it. Size and type are the
    /// attachment rules' to judge, later, so a refused file is noted on the ticket and the mail still gets through.</summary>
    private static List<MailAttachment> Attachments(IReadOnlyList<InboundAttachment?>? attachments, ValidationErrors errors)
    {
        var decoded = new List<MailAttachment>();
        if (attachments is null)
        {
            return decoded;
        }

        if (attachments.Count > MaxAttachments)
        {
            errors.Add("attachments", $"At most {MaxAttachments} attachments are accepted.");
            return decoded;
        }

        for (var i = 0; i < attachments.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"attachments[{i}]");
            if (attachments[i] is not { } attachment)
            {
                errors.Add(field, "Each attachment must be an object.");
                continue;
            }

            byte[]? content = null;
            try
            {
                content = attachment.ContentBase64 is null ? null : Convert.FromBase64String(attachment.ContentBase64);
            }
            catch (FormatException)
            {
            }

            if (content is null)
            {
                errors.Add(field + ".contentBase64", "The file's content must be base64.");
                continue;
            }

            decoded.Add(new MailAttachment(attachment.FileName ?? string.Empty, content));
        }

        return decoded;
    }

    /// <summary>In-Reply-To first, then References newest first: the order in which they most likely name the ticket.</summary>
    private static IReadOnlyList<string> ThreadIds(string messageId, string? inReplyTo, IReadOnlyList<string>? references)
    {
        var ids = new List<string>();
        if (inReplyTo is not null)
        {
            ids.AddRange(MessageIds.Split(inReplyTo));
        }

        ids.AddRange((references ?? []).Where(reference => reference is not null).SelectMany(MessageIds.Split).Reverse());
        return [.. ids.Where(id => id.Length <= MessageIds.MaxLength && id != messageId).Distinct(StringComparer.Ordinal).Take(MaxThreadIds)];
    }

    /// <summary>A longer mail is kept up to the ticket text limit rather than refused: the pipeline cannot shorten it.</summary>
    public static string Fit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Marker = "\n[… truncated]";
        if (Encoding.UTF8.GetByteCount(text) <= TicketRules.TextMaxBytes)
        {
            return text;
        }

        var budget = TicketRules.TextMaxBytes - Encoding.UTF8.GetByteCount(Marker);
        var length = Math.Min(text.Length, budget);
        while (Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > budget)
        {
            length -= Math.Max(1, length / 20);
        }

        return text[..length] + Marker;
    }
}
