namespace InfoFloPay.Functions.Notifications.Email;

// The body of POST {endpoint}/emails:send?api-version=2023-03-31 (ACS Email REST API, "EmailMessage").

internal sealed record AcsEmailRequest(
    string SenderAddress,
    AcsEmailContent Content,
    AcsEmailRecipients Recipients,
    IReadOnlyList<AcsEmailAddress> ReplyTo,
    IReadOnlyDictionary<string, string> Headers,
    bool UserEngagementTrackingDisabled);

internal sealed record AcsEmailContent(string Subject, string PlainText, string Html);

internal sealed record AcsEmailRecipients(IReadOnlyList<AcsEmailAddress> To);

internal sealed record AcsEmailAddress(string Address, string? DisplayName);

/// <summary>The 202 body: the send is an operation the service completes asynchronously.</summary>
internal sealed record AcsEmailSendResult(string? Id, string? Status);

/// <summary>The error body of a 4xx/5xx (Azure "ErrorResponse").</summary>
internal sealed record AcsErrorResponse(AcsError? Error);

internal sealed record AcsError(string? Code, string? Message);
