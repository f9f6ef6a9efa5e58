using System.Globalization;
using System.Text.Json;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Notifications.Composition;
using InfoFloPay.Functions.Notifications.Email;
using Microsoft.Extensions.Logging.Abstractions;
using InfoFloPay.Functions.Roster;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.IntegrationTests.Notifications;

/// <summary>The ACS Email adapter against a real local HTTP server that verifies what ACS verifies.</summary>
public sealed class AcsEmailSenderContractTests : IAsyncLifetime
{
    private AcsEmailServer _acs = null!;

    public async Task InitializeAsync() => _acs = await AcsEmailServer.StartAsync();

    public async Task DisposeAsync() => await _acs.DisposeAsync();

    private AcsEmailSender Sender(TimeProvider clock, int maxRetries = 3) => new(
        Options.Create(new EmailOptions
        {
            ConnectionString = _acs.ConnectionString,
            SenderAddress = "DoNotReply@infoflopay.example",
            MaxRetries = maxRetries,
            // Short backoff: a retry that waits a second can only be the server's Retry-After.
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
        }),
        clock,
        NullLogger<AcsEmailSender>.Instance);

    private AcsEmailSender Sender(int maxRetries = 3) => Sender(TimeProvider.System, maxRetries);

    private static EmailMessage Message(string idempotencyKey = "IFP-1042/evt-1/email/cara@customer.example") => new(
        [new EmailAddress("cara@customer.example", "Cara Customer")],
        "[IFP-1042] We received your request: Payouts failing",
        "Hello Cara,\n",
        "<p>Hello Cara,</p>\n",
        "IFP-1042")
    {
        ReplyTo = new EmailAddress("support@infoflopay.example", "InfoFlo Pay Support"),
        Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" },
        IdempotencyKey = idempotencyKey,
    };

    [Fact]
    public async Task Sends_one_signed_request_in_the_emails_send_shape()
    {
        await Sender().SendAsync(Message(), CancellationToken.None);

        var request = Assert.Single(_acs.Requests);
        Assert.Null(request.SignatureProblem);
        Assert.Empty(request.BodyProblems);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/emails:send?api-version=2023-03-31", request.RawTarget);

        var body = request.Json;
        Assert.Equal("DoNotReply@infoflopay.example", body.GetProperty("senderAddress").GetString());
        Assert.Equal("[IFP-1042] We received your request: Payouts failing", body.GetProperty("content").GetProperty("subject").GetString());
        Assert.Equal("Hello Cara,\n", body.GetProperty("content").GetProperty("plainText").GetString());
        Assert.Equal("<p>Hello Cara,</p>\n", body.GetProperty("content").GetProperty("html").GetString());
        var to = Assert.Single(body.GetProperty("recipients").GetProperty("to").EnumerateArray());
        Assert.Equal("cara@customer.example", to.GetProperty("address").GetString());
        Assert.Equal("Cara Customer", to.GetProperty("displayName").GetString());
        Assert.Equal("support@infoflopay.example", Assert.Single(body.GetProperty("replyTo").EnumerateArray()).GetProperty("address").GetString());
        Assert.Equal("auto-generated", body.GetProperty("headers").GetProperty("Auto-Submitted").GetString());
        Assert.True(body.GetProperty("userEngagementTrackingDisabled").GetBoolean());

        Assert.Equal(8, Guid.Parse(request.Headers["Operation-Id"]).Version);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_servers_retry_after_with_a_fresh_signature_and_the_same_operation_id()
    {
        _acs.ThenRespond(429, retryAfter: "1");

        await Sender().SendAsync(Message(), CancellationToken.None);

        var attempts = _acs.Requests.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.All(attempts, attempt => Assert.Null(attempt.SignatureProblem));
        Assert.Equal(attempts[0].Headers["Operation-Id"], attempts[1].Headers["Operation-Id"]);
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromSeconds(0.9),
            $"the retry came {(attempts[1].ReceivedAt - attempts[0].ReceivedAt).TotalMilliseconds} ms after a Retry-After of 1 s");
    }

    [Fact]
    public async Task Server_faults_are_retried_until_accepted()
    {
        _acs.ThenRespond(503, retryAfter: "0");
        _acs.ThenRespond(500);

        await Sender().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(3, _acs.Requests.Count);
    }

    [Fact]
    public async Task A_fault_that_outlasts_the_retries_is_reported_as_transient()
    {
        for (var i = 0; i < 3; i++)
        {
            _acs.ThenRespond(503, retryAfter: "0");
        }

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(maxRetries: 2).SendAsync(Message(), CancellationToken.None));

        Assert.Equal(3, _acs.Requests.Count);
        Assert.Equal(503, failure.Status);
        Assert.True(failure.IsTransient);
    }

    [Fact]
    public async Task A_400_is_not_retried_and_fails_with_the_services_error()
    {
        _acs.ThenRespond(400, errorCode: "InvalidRecipient");

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender().SendAsync(Message(), CancellationToken.None));

        Assert.Single(_acs.Requests);
        Assert.Equal(400, failure.Status);
        Assert.Equal("InvalidRecipient", failure.ErrorCode);
        Assert.False(failure.IsTransient);
        Assert.Contains("scripted 400", failure.Message);
    }

    [Fact]
    public async Task A_wrong_access_key_is_refused_by_the_verifying_server()
    {
        var wrongKey = new AcsEmailSender(
            Options.Create(new EmailOptions
            {
                ConnectionString = $"endpoint={_acs.Endpoint};accesskey={Convert.ToBase64String(new byte[32])}",
                SenderAddress = "DoNotReply@infoflopay.example",
            }),
            TimeProvider.System,
            NullLogger<AcsEmailSender>.Instance);

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => wrongKey.SendAsync(Message(), CancellationToken.None));

        Assert.Equal(401, failure.Status);
        Assert.Equal("the signature does not match", Assert.Single(_acs.Requests).SignatureProblem);
    }

    [Fact]
    public async Task The_same_notification_sent_again_carries_the_same_operation_id_and_a_different_one_does_not()
    {
        var sender = Sender();
        await sender.SendAsync(Message(), CancellationToken.None);
        await sender.SendAsync(Message(), CancellationToken.None);
        await sender.SendAsync(Message("IFP-1042/evt-2/email/cara@customer.example"), CancellationToken.None);

        var operationIds = _acs.Requests.Select(request => request.Headers["Operation-Id"]).ToArray();
        Assert.Equal(operationIds[0], operationIds[1]);
        Assert.NotEqual(operationIds[0], operationIds[2]);
    }

    [Fact]
    public async Task A_notification_redelivered_after_its_journal_write_failed_is_the_same_operation_and_one_email()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T14:05:00Z", CultureInfo.InvariantCulture));
        var journal = new FailingJournal(failures: 1);
        var roster = Options.Create(new SupportRosterOptions
        {
            Agents = [new SupportPerson { Name = "Ava Agent", Email = "ava@infoflopay.example" }],
            OperationsManager = new SupportPerson { Name = "Olivia Ops", Email = "olivia@infoflopay.example" },
        });
        var dispatcher = new NotificationDispatcher(
            new NotificationPlanner(roster),
            new EmailComposer(new NotificationTemplates(), roster),
            Sender(clock),
            new UnusedPager(),
            journal,
            new UnrecordedTimeline(),
            clock,
            NullLogger<NotificationDispatcher>.Instance);
        var created = new HelpdeskEvent(HelpdeskEventTypes.TicketCreated, 1, "IFP-1042", "evt-1", clock.GetUtcNow(),
            JsonSerializer.SerializeToElement(new TicketCreatedData("Payouts failing", new PersonRef("cara@customer.example", "Cara"), "medium", "email"), HelpdeskJson.Options));

        // The storage outage: ACS accepted the acknowledgement, then recording that failed, so Service Bus redelivers.
        await Assert.ThrowsAsync<AggregateException>(() => dispatcher.DispatchAsync(created, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(20));
        await dispatcher.DispatchAsync(created, CancellationToken.None);

        var delivered = Assert.Single(_acs.Delivered);
        Assert.Equal("cara@customer.example", delivered.Json.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString());
        var attempts = _acs.Requests.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.Equal(attempts[0].Headers["Operation-Id"], attempts[1].Headers["Operation-Id"]);
        Assert.Equal(NotificationOutcome.Sent, Assert.Single(journal.Records).Outcome);
    }

    [Fact]
    public async Task A_repeat_answered_409_while_the_first_send_is_running_counts_as_sent_and_is_not_a_second_email()
    {
        _acs.RepeatsInProgress = true;
        var sender = Sender();

        await sender.SendAsync(Message(), CancellationToken.None);
        await sender.SendAsync(Message(), CancellationToken.None);

        Assert.Equal(2, _acs.Requests.Count);
        Assert.Single(_acs.Delivered);
    }

    [Fact]
    public void The_operation_id_is_a_name_based_uuid_of_the_notification()
    {
        var first = AcsEmailSender.OperationIdFor(Message());

        Assert.Equal(first, AcsEmailSender.OperationIdFor(Message()));
        Assert.Equal((8, 0b10), (first.Version, first.Variant >> 2));
        Assert.NotEqual(first, AcsEmailSender.OperationIdFor(Message("IFP-1042/evt-1/email/dan@customer.example")));
    }

    private sealed class UnrecordedTimeline : INotificationTimeline
    {
        public Task RecordAsync(SentNotification sent, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class UnusedPager : IPager
    {
        public Task PageAsync(Page page, CancellationToken cancellationToken) => throw new InvalidOperationException("Nothing here pages.");
    }
}
