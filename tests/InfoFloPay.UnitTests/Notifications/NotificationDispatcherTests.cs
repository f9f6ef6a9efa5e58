using System.Collections.Concurrent;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Composition;
using InfoFloPay.Functions.Notifications.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static InfoFloPay.UnitTests.Notifications.HelpdeskEvents;

namespace InfoFloPay.UnitTests.Notifications;

public class NotificationDispatcherTests
{
    private readonly RecordingEmailSender _email = new();
    private readonly RecordingPager _pager = new();
    private readonly InMemoryJournal _journal = new();
    private readonly RecordingTimeline _timeline = new();
    private readonly NotificationDispatcher _dispatcher;

    public NotificationDispatcherTests()
    {
        var roster = Options.Create(Roster());
        _dispatcher = new NotificationDispatcher(
            new NotificationPlanner(roster),
            new EmailComposer(new NotificationTemplates(), roster),
            _email,
            _pager,
            _journal,
            _timeline,
            new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T14:05:00Z")),
            NullLogger<NotificationDispatcher>.Instance);
    }

    [Fact]
    public async Task An_urgent_ticket_pages_once_and_emails_each_agent_separately()
    {
        await _dispatcher.DispatchAsync(Assigned("urgent"), CancellationToken.None);

        Assert.Equal("IFP-1042", Assert.Single(_pager.Pages).DedupKey);
        Assert.Equal(["ava@infoflopay.example", "ben@infoflopay.example", "cleo@infoflopay.example"],
            _email.Sent.Select(message => Assert.Single(message.To).Address));
        Assert.All(_email.Sent, message => Assert.StartsWith("[IFP-1042] ", message.Subject));
    }

    [Fact]
    public async Task A_redelivered_message_sends_nothing_twice()
    {
        await _dispatcher.DispatchAsync(Assigned("urgent"), CancellationToken.None);
        await _dispatcher.DispatchAsync(Assigned("urgent"), CancellationToken.None);

        Assert.Equal(3, _email.Sent.Count);
        Assert.Single(_pager.Pages);
    }

    [Fact]
    public async Task Each_delivery_appears_on_the_ticket_timeline()
    {
        await _dispatcher.DispatchAsync(Assigned("urgent"), CancellationToken.None);

        var timeline = await _journal.ListAsync("IFP-1042", CancellationToken.None);
        Assert.Equal(4, timeline.Count);
        Assert.All(timeline, record => Assert.Equal(NotificationOutcome.Sent, record.Outcome));
        Assert.Contains(timeline, record => record is { Channel: "pager", Kind: "page" });
        Assert.Contains(timeline, record => record is { Channel: "email", Kind: "urgent-mobilization", Recipient: "cleo@infoflopay.example" });
    }

    [Fact]
    public async Task Each_delivery_goes_on_the_ticket_timeline_once_with_the_message_id_replies_thread_by()
    {
        await _dispatcher.DispatchAsync(Assigned("urgent"), CancellationToken.None);
        await _dispatcher.DispatchAsync(Assigned("urgent"), CancellationToken.None);

        Assert.Equal(4, _timeline.Recorded.Count);
        var page = Assert.Single(_timeline.Recorded, sent => sent.Channel == "pager");
        Assert.Null(page.MessageId);
        Assert.Equal(NotificationKind.Page, page.Kind);
        var emails = _timeline.Recorded.Where(sent => sent.Channel == "email").ToList();
        Assert.Equal([NotificationKind.Assigned, NotificationKind.UrgentMobilization, NotificationKind.UrgentMobilization], emails.Select(sent => sent.Kind));
        Assert.Equal(emails.Select(sent => sent.Recipient), _email.Sent.Select(message => message.To[0].Address));
        Assert.Equal(emails.Select(sent => sent.MessageId), _email.Sent.Select(message => message.Headers["Message-ID"]));
        Assert.All(emails, sent => Assert.Matches(@"^<IFP-1042\.[0-9a-f]{24}@infoflopay\.example>$", sent.MessageId));
        Assert.Equal(3, emails.Select(sent => sent.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_rejected_address_is_journalled_as_failed_and_blocks_nobody_else()
    {
        _email.Reject("ava@infoflopay.example", new EmailDeliveryException(400, "InvalidRecipient", "bad address"));

        await _dispatcher.DispatchAsync(Assigned("urgent"), CancellationToken.None);

        Assert.Equal(["ben@infoflopay.example", "cleo@infoflopay.example"], _email.Sent.Select(message => message.To[0].Address));
        var failed = Assert.Single(await _journal.ListAsync("IFP-1042", CancellationToken.None), record => record.Outcome == NotificationOutcome.Failed);
        Assert.Equal("ava@infoflopay.example", failed.Recipient);
        Assert.Contains("bad address", failed.Detail);
    }

    [Fact]
    public async Task A_transient_failure_serves_the_others_then_throws_so_the_message_is_retried_for_that_recipient_only()
    {
        _email.Reject("ben@infoflopay.example", new EmailDeliveryException(503, "ServiceUnavailable", "try later"));

        await Assert.ThrowsAsync<AggregateException>(() => _dispatcher.DispatchAsync(Assigned("urgent"), CancellationToken.None));
        Assert.Equal(["ava@infoflopay.example", "cleo@infoflopay.example"], _email.Sent.Select(message => message.To[0].Address));

        _email.Accept("ben@infoflopay.example");
        await _dispatcher.DispatchAsync(Assigned("urgent"), CancellationToken.None);

        Assert.Equal(["ava@infoflopay.example", "cleo@infoflopay.example", "ben@infoflopay.example"],
            _email.Sent.Select(message => message.To[0].Address));
        Assert.Single(_pager.Pages);
    }

    [Fact]
    public async Task A_failing_pager_is_retried_without_re_emailing()
    {
        _pager.FailNext = true;
        await Assert.ThrowsAsync<AggregateException>(() => _dispatcher.DispatchAsync(Assigned("urgent"), CancellationToken.None));

        await _dispatcher.DispatchAsync(Assigned("urgent"), CancellationToken.None);

        Assert.Single(_pager.Pages);
        Assert.Equal(3, _email.Sent.Count);
    }

    [Fact]
    public async Task Each_email_carries_an_idempotency_key_stable_across_redeliveries()
    {
        await _dispatcher.DispatchAsync(Create(HelpdeskEventTypes.TicketCreated, new TicketCreatedData("Payouts failing", Customer, "medium", "portal")), CancellationToken.None);

        Assert.Equal("IFP-1042/evt-1/email/cara@customer.example", Assert.Single(_email.Sent).IdempotencyKey);
    }

    private sealed class RecordingEmailSender : IEmailSender
    {
        private readonly ConcurrentDictionary<string, Exception> _rejections = new(StringComparer.OrdinalIgnoreCase);

        public List<EmailMessage> Sent { get; } = [];

        public void Reject(string address, Exception failure) => _rejections[address] = failure;

        public void Accept(string address) => _rejections.TryRemove(address, out _);

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (_rejections.TryGetValue(message.To[0].Address, out var failure))
            {
                throw failure;
            }

            Sent.Add(message);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingPager : IPager
    {
        public List<Page> Pages { get; } = [];

        public bool FailNext { get; set; }

        public Task PageAsync(Page page, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new HttpRequestException("pager unreachable");
            }

            Pages.Add(page);
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingTimeline : INotificationTimeline
    {
        public List<SentNotification> Recorded { get; } = [];

        public Task RecordAsync(SentNotification sent, CancellationToken cancellationToken)
        {
            Recorded.Add(sent);
            return Task.CompletedTask;
        }
    }

    private sealed class InMemoryJournal : INotificationJournal
    {
        private readonly Dictionary<string, NotificationRecord> _records = [];

        public Task<bool> WasSentAsync(string ticketId, string deliveryKey, CancellationToken cancellationToken) =>
            Task.FromResult(_records.TryGetValue(deliveryKey, out var record) && record.Outcome == NotificationOutcome.Sent);

        public Task RecordAsync(NotificationRecord record, CancellationToken cancellationToken)
        {
            _records[record.DeliveryKey] = record;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<NotificationRecord>> ListAsync(string ticketId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<NotificationRecord>>([.. _records.Values.Where(record => record.TicketId == ticketId)]);
    }
}
