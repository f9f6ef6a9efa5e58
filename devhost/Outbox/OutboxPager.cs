using InfoFloPay.Functions.Notifications;

namespace InfoFloPay.DevHost.Outbox;

public sealed class OutboxPager(Outbox outbox, TimeProvider clock, ILogger<OutboxPager> logger) : IPager
{
    public Task PageAsync(Page page, CancellationToken cancellationToken)
    {
        outbox.Add(new OutboxEntry("pager", [page.Target], page.Summary, page.Details, page.TicketId, clock.GetUtcNow()));
        logger.LogWarning("Page to {Target}: {Summary}", page.Target, page.Summary);
        return Task.CompletedTask;
    }
}
