using InfoFloPay.Functions.Intake;
using InfoFloPay.Functions.Notifications.Composition;
using InfoFloPay.Functions.Tickets;

namespace InfoFloPay.Functions.Notifications;

/// <summary>
/// The timeline on the ticket store itself, so the events endpoint stays one range query and customers see the
/// notifications written for them (TicketService decides visibility: public only for customer mail sent to a requester
/// who is a user of the ticket's account).
/// </summary>
public sealed class TicketNotificationTimeline(TicketService tickets, MailThreadIndex threads) : INotificationTimeline
{
    public async Task RecordAsync(SentNotification sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sent);
        if (sent.MessageId is { } messageId)
        {
            await threads.RecordSentAsync(Domain.Intake.MessageIds.Normalize(messageId), sent.TicketId, cancellationToken).ConfigureAwait(false);
        }

        await tickets.RecordNotificationSentAsync(
                sent.TicketId, sent.DeliveryKey, sent.Channel, [sent.Recipient], sent.Subject, sent.Kind.IsForCustomer(), cancellationToken)
            .ConfigureAwait(false);
    }
}
