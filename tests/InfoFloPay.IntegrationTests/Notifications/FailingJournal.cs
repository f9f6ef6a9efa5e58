using InfoFloPay.Functions.Notifications;

namespace InfoFloPay.IntegrationTests.Notifications;

/// <summary>A journal whose first <c>failures</c> writes fail, as when the notifications table stops answering (or the
/// process dies) right after a delivery went out; reads and later writes work.</summary>
internal sealed class FailingJournal(int failures = 1) : INotificationJournal
{
    private readonly Dictionary<string, NotificationRecord> _records = [];
    private int _failures = failures;

    public IReadOnlyCollection<NotificationRecord> Records => _records.Values;

    public Task<bool> WasSentAsync(string ticketId, string deliveryKey, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGetValue(deliveryKey, out var record) && record.Outcome == NotificationOutcome.Sent);

    public Task RecordAsync(NotificationRecord record, CancellationToken cancellationToken)
    {
        if (_failures > 0)
        {
            _failures--;
            throw new IOException("The notifications table did not answer.");
        }

        _records[record.DeliveryKey] = record;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NotificationRecord>> ListAsync(string ticketId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NotificationRecord>>([.. _records.Values]);
}
