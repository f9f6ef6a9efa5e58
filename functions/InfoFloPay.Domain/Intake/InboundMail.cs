namespace InfoFloPay.Domain.Intake;

/// <summary>An inbound email that passed <see cref="InboundEmailRules"/>: ids normalised, addresses lower-case, plain text
/// only (HTML is never stored), the subject without its reply prefixes.</summary>
public sealed record InboundMail(
    string MessageId,
    string? SenderName,
    string SenderEmail,
    string Subject,
    string Text,
    IReadOnlyList<string> ThreadIds,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The mail's files, decoded, in the order the pipeline sent them; not yet checked against the attachment rules.</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

/// <summary>One decoded file of an inbound mail.</summary>
public sealed record MailAttachment(string FileName, ReadOnlyMemory<byte> Content);
