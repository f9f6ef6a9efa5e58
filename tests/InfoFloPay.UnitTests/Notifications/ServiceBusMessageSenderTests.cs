using Azure.Messaging.ServiceBus;
using InfoFloPay.Functions.Messaging;

namespace InfoFloPay.UnitTests.Notifications;

public class ServiceBusMessageSenderTests
{
    [Fact]
    public async Task Maps_the_message_id_subject_and_properties_and_reuses_one_sender_per_entity()
    {
        var client = new RecordingClient();
        // Not disposed: the SDK's mocking constructors leave nothing to close.
        var sender = new ServiceBusMessageSender(client);
        var message = new OutgoingMessage("IFP-1042/evt-1", "ticket.created", BinaryData.FromString("{\"type\":\"ticket.created\"}"))
        {
            ApplicationProperties = new Dictionary<string, object> { ["type"] = "ticket.created", ["version"] = 1 },
        };

        await sender.SendAsync("helpdesk-events", message, CancellationToken.None);
        await sender.SendAsync("helpdesk-events", message with { MessageId = "IFP-1042/evt-2" }, CancellationToken.None);
        await sender.SendAsync("other-queue", message, CancellationToken.None);

        Assert.Equal(["helpdesk-events", "other-queue"], client.Senders.Select(s => s.EntityPath));
        var sent = client.Senders[0].Sent;
        Assert.Equal(["IFP-1042/evt-1", "IFP-1042/evt-2"], sent.Select(m => m.MessageId));
        Assert.Equal("ticket.created", sent[0].Subject);
        Assert.Equal("application/json", sent[0].ContentType);
        Assert.Equal("{\"type\":\"ticket.created\"}", sent[0].Body.ToString());
        Assert.Equal(1, sent[0].ApplicationProperties["version"]);
    }

    private sealed class RecordingClient : ServiceBusClient
    {
        public List<RecordingSender> Senders { get; } = [];

        public override ServiceBusSender CreateSender(string queueOrTopicName)
        {
            var sender = new RecordingSender(queueOrTopicName);
            Senders.Add(sender);
            return sender;
        }
    }

    private sealed class RecordingSender(string entityPath) : ServiceBusSender
    {
        public override string EntityPath => entityPath;

        public List<ServiceBusMessage> Sent { get; } = [];

        public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
