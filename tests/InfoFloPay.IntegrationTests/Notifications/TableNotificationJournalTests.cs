using InfoFloPay.Functions.Notifications;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Notifications;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TableNotificationJournalTests(AzuriteFixture azurite)
{
    private readonly TableNotificationJournal _journal = new(azurite.CreateServiceClient(), "notif" + Guid.NewGuid().ToString("N")[..12]);

    private static NotificationRecord Record(string key, NotificationOutcome outcome, int minute, string ticketId = "IFP-1042") => new(
        ticketId, key, "evt-1", "email", "cara@customer.example", "acknowledgement", outcome,
        DateTimeOffset.Parse("2026-11-26T14:00:00Z").AddMinutes(minute))
    {
        Detail = outcome == NotificationOutcome.Failed ? "rejected" : null,
    };

    [Fact]
    public async Task A_delivery_counts_as_sent_only_once_recorded_as_sent()
    {
        const string key = "IFP-1042/evt-1/email/cara@customer.example";
        Assert.False(await _journal.WasSentAsync("IFP-1042", key, CancellationToken.None));

        await _journal.RecordAsync(Record(key, NotificationOutcome.Failed, 1), CancellationToken.None);
        Assert.False(await _journal.WasSentAsync("IFP-1042", key, CancellationToken.None));

        await _journal.RecordAsync(Record(key, NotificationOutcome.Sent, 2), CancellationToken.None);
        Assert.True(await _journal.WasSentAsync("IFP-1042", key, CancellationToken.None));
        Assert.False(await _journal.WasSentAsync("IFP-1043", key, CancellationToken.None));
    }

    [Fact]
    public async Task The_timeline_lists_a_tickets_deliveries_oldest_first_with_keys_that_rows_could_not_hold()
    {
        await _journal.RecordAsync(Record("IFP-1042/evt-2/pager", NotificationOutcome.Sent, 5), CancellationToken.None);
        await _journal.RecordAsync(Record("IFP-1042/evt-1/email/a#b?c\\d@example.com", NotificationOutcome.Failed, 3), CancellationToken.None);
        await _journal.RecordAsync(Record("IFP-2000/evt-1/email/x@example.com", NotificationOutcome.Sent, 1, ticketId: "IFP-2000"), CancellationToken.None);

        var timeline = await _journal.ListAsync("IFP-1042", CancellationToken.None);

        Assert.Equal(["IFP-1042/evt-1/email/a#b?c\\d@example.com", "IFP-1042/evt-2/pager"], timeline.Select(record => record.DeliveryKey));
        Assert.Equal(NotificationOutcome.Failed, timeline[0].Outcome);
        Assert.Equal("rejected", timeline[0].Detail);
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T14:05:00Z"), timeline[1].At);
    }
}
