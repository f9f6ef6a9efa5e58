using System.Text.Json;
using InfoFloPay.Functions.Messaging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.UnitTests.Notifications;

public class HelpdeskEventPublisherTests
{
    private readonly RecordingSender _sender = new();
    private readonly HelpdeskEventPublisher _publisher;

    public HelpdeskEventPublisherTests() => _publisher = new HelpdeskEventPublisher(
        _sender,
        Options.Create(new HelpdeskEventsOptions { Topic = "helpdesk-events-test" }),
        new FakeTimeProvider(DateTimeOffset.Parse("2026-11-26T14:03:00Z")));

    [Fact]
    public async Task Publishes_a_versioned_envelope_whose_message_id_derives_from_the_business_event()
    {
        await _publisher.PublishAsync(HelpdeskEventTypes.TicketCreated, "IFP-1042", "evt-7",
            new TicketCreatedData("Payouts failing", new PersonRef("cara@customer.example"), "medium", "portal"), CancellationToken.None);

        var (entity, message) = Assert.Single(_sender.Sent);
        Assert.Equal("helpdesk-events-test", entity);
        Assert.Equal("IFP-1042/evt-7", message.MessageId);
        Assert.Equal("ticket.created", message.Subject);

        using var json = JsonDocument.Parse(message.Body.ToString());
        var root = json.RootElement;
        Assert.Equal("ticket.created", root.GetProperty("type").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("IFP-1042", root.GetProperty("ticketId").GetString());
        Assert.Equal("evt-7", root.GetProperty("eventId").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T14:03:00Z"), root.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal("cara@customer.example", root.GetProperty("data").GetProperty("requester").GetProperty("email").GetString());
        Assert.False(root.TryGetProperty("messageId", out _));
    }

    [Fact]
    public async Task The_envelope_reads_back_into_the_same_payload()
    {
        var data = new TicketRepliedData("Payouts failing", new PersonRef("cara@customer.example"), null,
            new PersonRef("ava@infoflopay.example", "Ava"), ReplyAuthorRole.Staff, "Fixed.");
        await _publisher.PublishAsync(HelpdeskEventTypes.TicketReplied, "IFP-1042", "evt-8", data, CancellationToken.None);

        var envelope = JsonSerializer.Deserialize<HelpdeskEvent>(_sender.Sent[0].Message.Body.ToString(), HelpdeskEventJson.Options)!;

        Assert.Equal(data, envelope.ReadData<TicketRepliedData>());
        Assert.Contains("\"authorRole\":\"staff\"", _sender.Sent[0].Message.Body.ToString());
    }

    private sealed class RecordingSender : IMessageSender
    {
        public List<(string Entity, OutgoingMessage Message)> Sent { get; } = [];

        public Task SendAsync(string entityName, OutgoingMessage message, CancellationToken cancellationToken)
        {
            Sent.Add((entityName, message));
            return Task.CompletedTask;
        }
    }
}
