using System.Text.Json;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Webhooks;

namespace InfoFloPay.UnitTests.Webhooks;

public sealed class WebhookSecretTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]            // no prefix
    [InlineData("whsec_")]                                     // no key
    [InlineData("whsec_c2hvcnQ=")]                             // 5 bytes
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa")]        // 21 bytes
    [InlineData("whsec_not base64 at all!!!!!!!!!!!!!!!")]
    [InlineData("WHSEC_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]      // the prefix is lower case
    public void Secrets_that_are_not_whsec_base64_of_at_least_24_bytes_are_refused(string? secret)
    {
        Assert.Null(WebhookSecret.KeyOf(secret));
    }

    [Fact]
    public void The_reference_secret_has_a_24_byte_key_and_the_hint_shows_only_its_end()
    {
        Assert.Equal(24, WebhookSecret.KeyOf("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!.Length);
        Assert.Equal("whsec_…LaSw", WebhookSecret.Hint("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }

    [Theory]
    [InlineData("portal", new[] { "ticket.created" })]
    [InlineData("monitoring", new[] { "ticket.created", "incident.opened" })]
    public void A_created_ticket_is_ticket_created_and_a_monitoring_one_also_incident_opened(string channel, string[] expected)
    {
        var created = Event(HelpdeskEventTypes.TicketCreated, new TicketCreatedData("Gateway down", new PersonRef("olivia@x.example"), "urgent", channel));

        var events = WebhookEvents.From(created);

        Assert.Equal(expected, events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(("IFP-1042", "Gateway down", channel), (e.Data["ticketId"]!.GetValue<string>(), e.Data["subject"]!.GetValue<string>(), e.Data["channel"]!.GetValue<string>())));
    }

    [Fact]
    public void Triage_is_ticket_triaged_a_status_change_is_ticket_status_changed_and_a_resolution_only_incident_resolved_for_an_incident()
    {
        Assert.Equal(["ticket.triaged"], WebhookEvents.From(Event(HelpdeskEventTypes.TicketAssigned,
            new TicketAssignedData("S", new PersonRef("c@x.example"), null, "high"))).Select(e => e.Type));
        var changed = Assert.Single(WebhookEvents.From(Event(HelpdeskEventTypes.TicketStatusChanged,
            new TicketStatusChangedData("S", new PersonRef("c@x.example"), "open", "pending", "waiting", "portal"))));
        Assert.Equal(("ticket.status_changed", "IFP-1042", "open", "pending", "pending", "waiting"), (changed.Type, changed.Data["ticketId"]!.GetValue<string>(),
            changed.Data["from"]!.GetValue<string>(), changed.Data["to"]!.GetValue<string>(), changed.Data["status"]!.GetValue<string>(), changed.Data["note"]!.GetValue<string>()));
        // The resolution's own status_changed comes from the topic's ticket.status_changed, so ticket.resolved adds none.
        Assert.Empty(WebhookEvents.From(Event(HelpdeskEventTypes.TicketResolved, new TicketResolvedData("S", new PersonRef("c@x.example"), "Fixed", "email"))));
        var resolved = Assert.Single(WebhookEvents.From(Event(HelpdeskEventTypes.TicketResolved, new TicketResolvedData("S", new PersonRef("c@x.example"), "Fixed", "monitoring"))));
        Assert.Equal(("incident.resolved", "resolved"), (resolved.Type, resolved.Data["status"]!.GetValue<string>()));
        Assert.Empty(WebhookEvents.From(Event(HelpdeskEventTypes.AgentAway, new AgentAwayData("a@x.example", null, 1))));
    }

    private static HelpdeskEvent Event(string type, object data) =>
        new(type, 1, "IFP-1042", "000001", DateTimeOffset.UnixEpoch, JsonSerializer.SerializeToElement(data, data.GetType(), InfoFloPay.Functions.HelpdeskJson.Options));
}
