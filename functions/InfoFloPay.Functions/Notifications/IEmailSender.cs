namespace InfoFloPay.Functions.Notifications;

public sealed record EmailAddress(string Address, string? DisplayName = null);

/// <summary>One composed email: both parts always present; headers carry Auto-Submitted and threading.</summary>
public sealed record EmailMessage(
    IReadOnlyList<EmailAddress> To,
    string Subject,
    string PlainText,
    string Html,
    string? TicketId)
{
    public EmailAddress? ReplyTo { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Stable for one notification to one recipient, so a retried send is recognised as the same one.</summary>
    public string? IdempotencyKey { get; init; }
}

/// <summary>Sends email. Azure: ACS Email REST API; locally: the outbox.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
