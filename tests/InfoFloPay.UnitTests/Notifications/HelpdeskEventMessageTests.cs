using System.Text.Json;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Tickets;

namespace InfoFloPay.UnitTests.Notifications;

/// <summary>What a ticket event looks like on the topic: the envelope subscribers read, keyed on the business event.</summary>
public class HelpdeskEventMessageTests
{
    [Fact]
    public void A_versioned_envelope_whose_message_id_derives_from_the_business_event()
    {
        var message = TicketOutbox.ToMessage(HelpdeskEvents.Create(HelpdeskEventTypes.TicketCreated,
            new TicketCreatedData("Payouts failing", new PersonRef("cara@customer.example"), "medium", "portal"), eventId: "evt-7"));

        Assert.Equal("IFP-1042/evt-7", message.MessageId);
        Assert.Equal("ticket.created", message.Subject);
        Assert.Equal(("ticket.created", 1, "IFP-1042"), ((string)message.ApplicationProperties["type"], (int)message.ApplicationProperties["version"], (string)message.ApplicationProperties["ticketId"]));
        using var json = JsonDocument.Parse(message.Body.ToString());
        var root = json.RootElement;
        Assert.Equal("ticket.created", root.GetProperty("type").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("IFP-1042", root.GetProperty("ticketId").GetString());
        Assert.Equal("evt-7", root.GetProperty("eventId").GetString());
        Assert.Equal("2026-11-26T14:03:00Z", root.GetProperty("occurredAt").GetString());
        Assert.Equal("cara@customer.example", root.GetProperty("data").GetProperty("requester").GetProperty("email").GetString());
        Assert.False(root.TryGetProperty("messageId", out _));
    }

    [Fact]
    public void The_envelope_reads_back_into_the_same_payload()
    {
        var data = new TicketRepliedData("Payouts failing", new PersonRef("cara@customer.example"), null,
            new PersonRef("ava@infoflopay.example", "Ava"), ReplyAuthorRole.Staff, "Fixed.");
        var body = TicketOutbox.ToMessage(HelpdeskEvents.Create(HelpdeskEventTypes.TicketReplied, data, eventId: "evt-8")).Body.ToString();

        var envelope = JsonSerializer.Deserialize<HelpdeskEvent>(body, HelpdeskJson.Options)!;

        Assert.Equal(data, envelope.ReadData<TicketRepliedData>());
        Assert.Contains("\"authorRole\":\"staff\"", body);
    }
}
