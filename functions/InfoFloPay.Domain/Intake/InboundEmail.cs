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
    IReadOnlyDictionary<string, string>? Headers);

public sealed record InboundAddress(string? Name, string? Email);
