namespace InfoFloPay.Domain.Intake;

/// <summary>An email as the mail pipeline posts it to <c>POST /api/inbound/email</c> (API.md), unvalidated.</summary>
public sealed record InboundEmail(
    string? MessageId,
    InboundAddress? From,
    IReadOnlyList<string>? To,
    string? Subject,
    string? Text,
    string? Html,
    string? InReplyTo,
    IReadOnlyList<string>? References,
    IReadOnlyDictionary<string, string>? Headers,
    IReadOnlyList<InboundAttachment>? Attachments = null);

public sealed record InboundAddress(string? Name, string? Email);

/// <summary>A file the mail carried: its name and its bytes in base64 (<c>contentType</c>, if sent, is not trusted: the
/// desk reads the type from the content, as for uploads).</summary>
public sealed record InboundAttachment(string? FileName, string? ContentType, string? ContentBase64);
