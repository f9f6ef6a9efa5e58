using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfoFloPay.Functions.Operations.Telemetry;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.IntegrationTests.Flows;

/// <summary>POST /api/inbound/email end to end on the local host: tickets, threading, who may add to a ticket, dropping,
/// idempotency, unknown senders — and the mail that goes out because of it.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class EmailIntakeFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private Infrastructure.LocalHost _host = null!;
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _host = await Infrastructure.LocalHost.StartAsync(azurite);
        _desk = await Desk.OpenAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_new_conversation_becomes_a_medium_email_ticket_of_the_senders_account_and_is_acknowledged()
    {
        var (status, body, response) = await _desk.MailAsync(Desk.Email(_desk.Carol, "Fwd: Settlement report missing", "The report for Monday is empty."));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("created", body["outcome"]!.GetValue<string>());
        var id = body["ticketId"]!.GetValue<string>();
        Assert.Equal($"/api/tickets/{id}", response.Headers.Location!.OriginalString);

        var ticket = await _desk.GetTicketAsync(id, _desk.Customer());
        Assert.Equal(("email", "medium", "new", _desk.AccountId), (Str(ticket, "channel"), Str(ticket, "priority"), Str(ticket, "status"), Str(ticket, "customerId")));
        Assert.Equal(("Settlement report missing", "The report for Monday is empty."), (Str(ticket, "subject"), Str(ticket, "description")));
        Assert.Equal(_desk.Carol, ticket["requester"]!["email"]!.GetValue<string>());
        Assert.Null(ticket["category"]);

        var ack = Assert.Single(_desk.Sent(id));
        Assert.Equal([_desk.Carol], ack.To);
        Assert.StartsWith($"[{id}] ", ack.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_to_the_acknowledgement_from_the_requester_is_added_without_the_quoted_text_and_emails_the_assignee()
    {
        var id = await OpenByMailAsync(_desk.Carol);
        await _desk.TriageAsync(id, "high", Desk.Ben);
        var ack = _desk.Sent(id)[0];

        var (status, body, _) = await _desk.MailAsync(Desk.Email(_desk.Carol, $"Re: {ack.Subject}",
            $"It failed again at 10:00.\n\nOn Tue, 24 Nov 2026, InfoFlo Pay Support wrote:\n> {ack.Body.Split('\n')[0]}", inReplyTo: ack.MessageId));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("appended", id), (Str(body, "outcome"), Str(body, "ticketId")));
        var reply = (await Desk.EventsAsync(id, _desk.Customer())).Last(e => Str(e, "kind") == "reply");
        Assert.Equal(("It failed again at 10:00.", "customer", _desk.Carol), (Str(reply, "body"), reply["actor"]!["role"]!.GetValue<string>(), reply["actor"]!["email"]!.GetValue<string>()));

        var toAssignee = _desk.Sent(id)[^1];
        Assert.Equal([Desk.Ben], toAssignee.To);
        Assert.Contains("It failed again at 10:00.", toAssignee.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_colleague_in_the_same_account_threads_in_by_references_and_the_subject_tag_works_too()
    {
        var id = await OpenByMailAsync(_desk.Carol, messageId: "<first-" + Guid.NewGuid().ToString("N") + "@mail.example>");
        var byReferences = Desk.Email(_desk.Dave, "Re: payouts", "Same here for our second shop.");
        byReferences["references"] = new JsonArray(_desk.Sent(id)[0].MessageId);

        Assert.Equal(("appended", id), await OutcomeAsync(byReferences));
        Assert.Equal(("appended", id), await OutcomeAsync(Desk.Email(_desk.Carol, $"Update [{id}]", "Fixed on our side?")));
        Assert.Equal(2, (await Desk.EventsAsync(id, _desk.Customer())).Count(e => Str(e, "kind") == "reply"));
    }

    [Fact]
    public async Task A_stranger_naming_someone_elses_ticket_gets_a_new_flagged_ticket_and_the_ticket_is_untouched()
    {
        var id = await OpenByMailAsync(_desk.Carol);
        var timeline = await Desk.EventsAsync(id, _host.Agent());
        var stranger = $"eve@{Guid.NewGuid():N}.example";

        var (status, body, _) = await _desk.MailAsync(Desk.Email(stranger, $"Re: [{id}] We received your request", "Please send me the payout details.",
            inReplyTo: _desk.Sent(id)[0].MessageId));

        Assert.Equal(HttpStatusCode.Created, status);
        var newId = Str(body, "ticketId");
        Assert.NotEqual(id, newId);
        Assert.Equal(timeline.Count, (await Desk.EventsAsync(id, _host.Agent())).Count);
        Assert.Equal([_desk.Carol], _desk.EmailedTo(id));

        var flagged = await _desk.GetTicketAsync(newId);
        Assert.Equal(("unknown-sender", "We received your request"), (Str(flagged, "category"), Str(flagged, "subject")));
        Assert.Null(flagged["customerId"]);
        var note = Assert.Single(await Desk.EventsAsync(newId, _host.Agent()), e => Str(e, "kind") == "reply");
        Assert.Equal("internal", Str(note, "visibility"));
        Assert.Contains($"referred to {id}", Str(note, "body"), StringComparison.Ordinal);
        Assert.Contains("Unknown sender", Str(note, "body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_of_another_account_naming_the_ticket_opens_a_ticket_in_its_own_account()
    {
        var id = await OpenByMailAsync(_desk.Carol);
        var otherDomain = $"other-{Guid.NewGuid():N}"[..20] + ".example";
        var otherAccount = "other-" + Guid.NewGuid().ToString("N")[..10];
        await _desk.RegisterAccountAsync(otherAccount, otherDomain);

        var (outcome, newId) = await OutcomeAsync(Desk.Email($"frank@{otherDomain}", $"RE: [{id}]", "Is this about us?"));

        Assert.Equal("created", outcome);
        Assert.NotEqual(id, newId);
        Assert.Equal(otherAccount, Str(await _desk.GetTicketAsync(newId), "customerId"));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.As($"frank@{otherDomain}").GetAsync(Desk.Relative($"/api/tickets/{id}"))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_senders_mail_waits_in_the_triage_queue_flagged_and_no_customer_can_see_it()
    {
        var stranger = $"walter@{Guid.NewGuid():N}.example";

        var (outcome, id) = await OutcomeAsync(Desk.Email(stranger, "[HIGH] Need access", "Please give me access to the dashboard."));

        Assert.Equal("created", outcome);
        var queue = await _host.Agent().GetFromJsonAsync<JsonObject>(Desk.Relative("/api/queue?top=100"));
        var queued = Assert.Single(queue!["items"]!.AsArray(), item => Str(item!.AsObject(), "id") == id)!.AsObject();
        Assert.Equal(("unknown-sender", "medium"), (Str(queued, "category"), Str(queued, "priority")));
        var note = Str((await Desk.EventsAsync(id, _host.Agent())).Single(e => Str(e, "kind") == "reply"), "body");
        Assert.Contains("Unknown sender", note, StringComparison.Ordinal);
        Assert.Contains("Marked high priority by the sender (\"[HIGH]\" in the subject)", note, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Customer().GetAsync(Desk.Relative($"/api/tickets/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Customer().GetAsync(Desk.Relative($"/api/tickets/{id}/events"))).StatusCode);

        // Their follow-up reaches staff on the same ticket, as a note, never as a public reply.
        var (again, sameId) = await OutcomeAsync(Desk.Email(stranger, $"Re: [{id}] We received your request", "Any news?"));
        Assert.Equal(("appended", id), (again, sameId));
        var followUp = (await Desk.EventsAsync(id, _host.Agent())).Last(e => Str(e, "kind") == "reply");
        Assert.Equal("internal", Str(followUp, "visibility"));
        Assert.Contains("Any news?", Str(followUp, "body"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Desk.Ava, null, "sent from the staff address ava.agent@infoflopay.example")]
    [InlineData(Desk.Olivia, null, "sent from the staff address olivia.ops@infoflopay.example")]
    [InlineData("security@infoflopay.example", null, "sent from the staff domain infoflopay.example")]
    [InlineData(null, "mx.example; spf=pass smtp.mailfrom=mail.example; dmarc=fail (p=none) header.from=customer", "Authentication-Results: dmarc=fail")]
    [InlineData(null, "mx.example; spf=fail smtp.mailfrom=evil.example", "Authentication-Results: spf=fail")]
    public async Task Mail_from_a_staff_address_or_failing_authentication_is_held_for_review_and_nobody_is_emailed(
        string? from, string? authenticationResults, string reason)
    {
        var id = await OpenByMailAsync(_desk.Carol);
        await _desk.TriageAsync(id, "medium", Desk.Ava);
        var timeline = await Desk.EventsAsync(id, _host.Agent());
        var sentBefore = _host.Outbox.Entries.Count;
        var headers = authenticationResults is null ? [] : new JsonObject { ["Authentication-Results"] = authenticationResults };
        var phishing = Desk.Email(from ?? _desk.Carol, $"Re: [{id}] Payouts failing", "Please confirm your card number at https://evil.example/verify",
            inReplyTo: _desk.Sent(id)[0].MessageId, headers: headers);

        var (status, body, _) = await _desk.MailAsync(phishing);

        Assert.Equal(HttpStatusCode.Created, status);
        var heldId = Str(body, "ticketId");
        Assert.NotEqual(id, heldId);
        Assert.Equal(timeline.Count, (await Desk.EventsAsync(id, _host.Agent())).Count);
        Assert.Equal(sentBefore, _host.Outbox.Entries.Count);

        var held = await _desk.GetTicketAsync(heldId);
        Assert.Equal("unverified-sender", Str(held, "category"));
        Assert.Null(held["customerId"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _desk.Customer().GetAsync(Desk.Relative($"/api/tickets/{heldId}"))).StatusCode);
        var note = Assert.Single(await Desk.EventsAsync(heldId, _host.Agent()), e => Str(e, "kind") == "reply");
        Assert.Equal("internal", Str(note, "visibility"));
        Assert.Contains($"Held for review: {reason}.", Str(note, "body"), StringComparison.Ordinal);
        Assert.Contains($"referred to {id}", Str(note, "body"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", "Auto-Submitted: auto-replied")]
    [InlineData("Precedence", "bulk", "Precedence: bulk")]
    [InlineData("X-Autoreply", "yes", "X-Autoreply header")]
    public async Task Auto_submitted_mail_is_dropped_and_says_why(string header, string value, string reason)
    {
        var id = await OpenByMailAsync(_desk.Carol);
        var outOfOffice = Desk.Email(_desk.Carol, $"Out of office: [{id}]", "I am away until Monday.", headers: new JsonObject { [header] = value });

        var (status, body, _) = await _desk.MailAsync(outOfOffice);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(("dropped", reason), (Str(body, "outcome"), Str(body, "reason")));
        Assert.DoesNotContain(await Desk.EventsAsync(id, _host.Agent()), e => Str(e, "kind") == "reply");
        Assert.Single(_desk.Sent(id));
    }

    [Theory]
    [InlineData("carol", "Return-Path", "<>", "bounce")]
    [InlineData("carol", "X-Failed-Recipients", "gone@contoso.example", "bounce")]
    [InlineData("carol", "Content-Type", "multipart/report; report-type=delivery-status; boundary=b1", "bounce")]
    [InlineData("carol", "List-Id", "<payments.lists.example>", "bulk")]
    [InlineData("carol", "Precedence", "junk", "bulk")]
    [InlineData("support+billing@infoflopay.example", null, null, "own-mail")]
    [InlineData("no-reply@partner.example", null, null, "machine-sender")]
    public async Task Bounces_and_machine_mail_open_no_ticket_acknowledge_nobody_and_are_counted_by_rule(
        string from, string? header, string? value, string rule)
    {
        using var counted = new DropCounts(_host);
        var before = await CountAccountTicketsAsync();
        var sentBefore = _host.Outbox.Entries.Count;
        var headers = header is null ? [] : new JsonObject { [header] = value };

        var (status, body, _) = await _desk.MailAsync(Desk.Email(from == "carol" ? _desk.Carol : from, "Undeliverable: Payouts failing", "Delivery has failed.", headers: headers));

        Assert.Equal((HttpStatusCode.Accepted, "dropped"), (status, Str(body, "outcome")));
        Assert.Null(body["ticketId"]);
        Assert.Equal(before, await CountAccountTicketsAsync());
        Assert.Equal(sentBefore, _host.Outbox.Entries.Count);
        Assert.Equal([rule], counted.Rules);
    }

    [Fact]
    public async Task An_auto_reply_without_machine_headers_does_not_reopen_a_resolved_ticket()
    {
        var id = await OpenByMailAsync(_desk.Carol);
        await _desk.TriageAsync(id, "low", Desk.Ava);
        await _desk.ChangeStatusAsync(id, "resolved");
        var resolvedMail = _desk.Sent(id)[^1];
        var timeline = await Desk.EventsAsync(id, _host.Agent());

        var (status, body, _) = await _desk.MailAsync(Desk.Email(_desk.Carol, $"Automatic reply: {resolvedMail.Subject}",
            "I am out of the office until Monday.", inReplyTo: resolvedMail.MessageId));

        Assert.Equal((HttpStatusCode.Accepted, "dropped"), (status, Str(body, "outcome")));
        Assert.Equal("resolved", Str(await _desk.GetTicketAsync(id), "status"));
        Assert.Equal(timeline.Count, (await Desk.EventsAsync(id, _host.Agent())).Count);
        Assert.Equal(resolvedMail, _desk.Sent(id)[^1]);
    }

    [Fact]
    public async Task A_bounce_from_mailer_daemon_opens_nothing()
    {
        var before = await CountAccountTicketsAsync();

        var (status, body, _) = await _desk.MailAsync(Desk.Email("MAILER-DAEMON@mx.example", "Undelivered Mail Returned to Sender", "..."));

        Assert.Equal((HttpStatusCode.Accepted, "dropped"), (status, Str(body, "outcome")));
        Assert.Equal(before, await CountAccountTicketsAsync());
    }

    [Fact]
    public async Task The_same_message_id_twice_makes_one_ticket_and_returns_the_first_result()
    {
        var mail = Desk.Email(_desk.Carol, "Refund stuck", "Refund 991 has been pending for a week.");

        var first = await _desk.MailAsync(mail);
        var second = await _desk.MailAsync(mail);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(Str(first.Body, "ticketId"), Str(second.Body, "ticketId"));
        Assert.True(second.Body["duplicate"]!.GetValue<bool>());
        Assert.Equal("true", second.Response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await CountAccountTicketsAsync());
        Assert.Single(_desk.Sent(Str(first.Body, "ticketId")));
    }

    [Fact]
    public async Task A_message_id_reused_by_another_sender_neither_reveals_nor_swallows_anything()
    {
        var messageId = $"<{Guid.NewGuid():N}@mail.example>";
        var id = await OpenByMailAsync(_desk.Carol, messageId);
        var stranger = $"mallory@{Guid.NewGuid():N}.example";

        var forged = await _desk.MailAsync(Desk.Email(stranger, "Hello", "Anyone there?", messageId: messageId));
        var again = await _desk.MailAsync(Desk.Email(stranger, "Hello", "Anyone there?", messageId: messageId));

        Assert.Equal((HttpStatusCode.Created, "created"), (forged.Status, Str(forged.Body, "outcome")));
        Assert.NotEqual(id, Str(forged.Body, "ticketId"));
        Assert.Equal((HttpStatusCode.OK, Str(forged.Body, "ticketId")), (again.Status, Str(again.Body, "ticketId")));
        Assert.Equal(stranger, (await _desk.GetTicketAsync(Str(forged.Body, "ticketId")))["requester"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_reply_delivered_twice_at_once_is_added_once()
    {
        var id = await OpenByMailAsync(_desk.Carol);
        var reply = Desk.Email(_desk.Carol, $"Re: [{id}]", "One more detail: merchant 4471.");

        var both = await Task.WhenAll(_desk.MailAsync(reply), _desk.MailAsync(JsonNode.Parse(reply.ToJsonString())!.AsObject()));

        Assert.All(both, result => Assert.Equal(("appended", id), (Str(result.Body, "outcome"), Str(result.Body, "ticketId"))));
        Assert.Single(await Desk.EventsAsync(id, _host.Agent()), e => Str(e, "kind") == "reply");
    }

    [Fact]
    public async Task A_reply_to_a_closed_ticket_opens_a_new_one_that_points_back()
    {
        var id = await OpenByMailAsync(_desk.Carol);
        await _desk.TriageAsync(id, "low");
        await _desk.ChangeStatusAsync(id, "resolved");
        await _desk.ChangeStatusAsync(id, "closed");

        var (outcome, newId) = await OutcomeAsync(Desk.Email(_desk.Carol, $"Re: [{id}]", "It is back."));

        Assert.Equal("created", outcome);
        Assert.NotEqual(id, newId);
        Assert.Equal(_desk.AccountId, Str(await _desk.GetTicketAsync(newId), "customerId"));
        Assert.Contains($"Follow-up to closed ticket {id}", Str((await Desk.EventsAsync(newId, _host.Agent())).Single(e => Str(e, "kind") == "reply"), "body"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_mail_is_refused_naming_the_fields_and_stores_nothing()
    {
        var before = await CountAccountTicketsAsync();
        var bad = Desk.Email(_desk.Carol, "Hello", "body");
        bad["messageId"] = "";
        bad["to"] = new JsonArray("not an address");
        bad.Remove("text");

        using var response = await _host.Anonymous().PostAsync(Desk.Relative("/api/inbound/email"), Desk.Json(bad.ToJsonString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(["messageId", "text", "to[0]"], problem!["errors"]!.AsObject().Select(pair => pair.Key).Order(StringComparer.Ordinal));
        Assert.Equal(before, await CountAccountTicketsAsync());
    }

    [Fact]
    public async Task A_mail_far_over_the_ticket_text_limit_becomes_a_ticket_with_its_text_truncated()
    {
        // Outlook-sized: a long quoted thread, its HTML part several times bigger, and non-ASCII sent as \uXXXX escapes.
        var text = string.Concat(Enumerable.Repeat("Zahlung für Händler 4471 fehlt — bitte prüfen.\n", 2000));
        var email = Desk.Email(_desk.Carol, "Auszahlungen fehlen", text);
        email["html"] = "<html><body>" + string.Concat(Enumerable.Repeat("<p style=\"font-family:Calibri\">Zahlung f&uuml;r H&auml;ndler 4471 fehlt</p>", 2000)) + "</body></html>";
        Assert.True(Encoding.UTF8.GetByteCount(email.ToJsonString()) > 200 * 1024);

        var (status, body, _) = await _desk.MailAsync(email);

        Assert.Equal(HttpStatusCode.Created, status);
        var id = Str(body, "ticketId");
        var description = Str(await _desk.GetTicketAsync(id, _desk.Customer()), "description");
        Assert.StartsWith("Zahlung für Händler 4471 fehlt — bitte prüfen.\nZahlung", description, StringComparison.Ordinal);
        Assert.EndsWith("\n[… truncated]", description, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(description), 30 * 1024, 32 * 1024);
        Assert.Equal([_desk.Carol], _desk.EmailedTo(id));
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("resolved")]
    public async Task An_unknown_senders_reply_reopens_their_ticket_and_tells_only_the_assignee(string waiting)
    {
        var stranger = $"zed@{Guid.NewGuid():N}.example";
        var (_, id) = await OutcomeAsync(Desk.Email(stranger, "Help", "My payout is missing."));
        await _desk.TriageAsync(id, "high", Desk.Ben);
        await _desk.ReplyAsync(_host.Agent(), id, "Which payout?");
        await _desk.ChangeStatusAsync(id, waiting);
        var sentBefore = _desk.Sent(id).Count;

        Assert.Equal(("appended", id), await OutcomeAsync(Desk.Email(stranger, $"Re: [{id}] Help", "Payout P-1 from Monday.")));

        Assert.Equal("open", Str(await _desk.GetTicketAsync(id), "status"));
        var told = Assert.Single(_desk.Sent(id).Skip(sentBefore));
        Assert.Equal("email", told.Channel);
        Assert.Equal([Desk.Ben], told.To);
        Assert.Contains("Payout P-1 from Monday.", told.Body, StringComparison.Ordinal);
        var note = (await Desk.EventsAsync(id, _host.Agent())).Last(e => Str(e, "kind") == "reply");
        Assert.Equal("internal", Str(note, "visibility"));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.As(stranger).GetAsync(Desk.Relative($"/api/tickets/{id}/events"))).StatusCode);
    }

    [Fact]
    public async Task A_mail_reusing_the_message_id_of_mail_the_desk_sent_is_still_taken_in()
    {
        var id = await OpenByMailAsync(_desk.Carol);
        var acknowledgement = _desk.Sent(id)[0];
        var mail = Desk.Email(_desk.Dave, "Refunds failing", "Refunds fail too.", messageId: acknowledgement.MessageId);

        var first = await _desk.MailAsync(mail);
        var again = await _desk.MailAsync(mail);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        var newId = Str(first.Body, "ticketId");
        Assert.NotEqual(id, newId);
        var ticket = await _desk.GetTicketAsync(newId);
        Assert.Equal(("Refunds failing", _desk.Dave), (Str(ticket, "subject"), ticket["requester"]!["email"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.OK, newId), (again.Status, Str(again.Body, "ticketId")));
        Assert.Equal(2, await CountAccountTicketsAsync());
    }

    private async Task<string> OpenByMailAsync(string from, string? messageId = null)
    {
        var (status, body, _) = await _desk.MailAsync(Desk.Email(from, "Payouts failing", "Yesterday's payouts never arrived.", messageId: messageId));
        Assert.Equal(HttpStatusCode.Created, status);
        return Str(body, "ticketId");
    }

    private async Task<(string Outcome, string TicketId)> OutcomeAsync(JsonObject email)
    {
        var (_, body, _) = await _desk.MailAsync(email);
        return (Str(body, "outcome"), Str(body, "ticketId"));
    }

    private async Task<int> CountAccountTicketsAsync()
    {
        var page = await _host.Agent().GetFromJsonAsync<JsonObject>(Desk.Relative($"/api/tickets?status=all&customerId={_desk.AccountId}&top=100"));
        return page!["items"]!.AsArray().Count;
    }

    private static string Str(JsonObject node, string property) => node[property]!.GetValue<string>();

    /// <summary>The intake drop counter of this test's host, by rule, while it lives (other hosts' meters are ignored).</summary>
    private sealed class DropCounts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<string> _rules = [];

        public DropCounts(Infrastructure.LocalHost host)
        {
            var meters = host.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == HelpdeskMetrics.IntakeDropped)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                lock (_rules)
                {
                    foreach (var tag in tags)
                    {
                        if (tag.Key == "rule")
                        {
                            _rules.Add((string)tag.Value!);
                        }
                    }
                }
            });
            _listener.Start();
        }

        public IReadOnlyList<string> Rules
        {
            get
            {
                lock (_rules)
                {
                    return [.. _rules];
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
