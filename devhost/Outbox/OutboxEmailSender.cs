using InfoFloPay.Functions.Notifications;

namespace InfoFloPay.DevHost.Outbox;

public sealed class OutboxEmailSender(Outbox outbox, TimeProvider clock, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var recipients = message.To.Select(to => to.Address).ToList();
        outbox.Add(new OutboxEntry("email", recipients, message.Subject, message.PlainText, message.TicketId, clock.GetUtcNow())
        {
            MessageId = message.Headers.TryGetValue("Message-ID", out var messageId) ? messageId : null,
            Html = message.Html,
        });
        logger.LogInformation("Email to {Recipients}: {Subject}", string.Join(", ", recipients), message.Subject);
        return Task.CompletedTask;
    }
}
