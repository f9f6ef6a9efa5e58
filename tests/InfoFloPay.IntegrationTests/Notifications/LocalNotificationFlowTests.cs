using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.Functions.Tickets;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.IntegrationTests.Notifications;

/// <summary>
/// Events published through the local host's in-process Service Bus reach DispatchNotification, and what it sends
/// lands in the outbox — with the sample settings a newcomer runs.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class LocalNotificationFlowTests(AzuriteFixture azurite)
{
    private const string Subscription = "helpdesk-events/subscriptions/notifications";
    private static readonly PersonRef Customer = new("cara@customer.example", "Cara Customer");
    private readonly string _ticketId = "IFP-" + Random.Shared.Next(100_000, 999_999);

    [Fact]
    public async Task A_new_ticket_acknowledges_the_requester_in_the_outbox()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);

        await PublishAsync(host, Message(HelpdeskEventTypes.TicketCreated, "evt-1", new TicketCreatedData("Payouts <failing>", Customer, "medium", "portal")));
        await host.MessagesSettledAsync();

        var outbox = await host.Anonymous().GetFromJsonAsync<JsonArray>(new Uri("/admin/outbox", UriKind.Relative));
        var email = Assert.Single(outbox!, entry => entry!["ticketId"]!.GetValue<string>() == _ticketId)!;
        Assert.Equal("email", email["channel"]!.GetValue<string>());
        Assert.Equal([Customer.Email], email["to"]!.AsArray().Select(to => to!.GetValue<string>()));
        Assert.Equal($"[{_ticketId}] We received your request: Payouts <failing>", email["subject"]!.GetValue<string>());
        Assert.Contains("Payouts <failing>", email["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_redelivered_message_sends_nothing_twice()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var message = Message(HelpdeskEventTypes.TicketCreated, "evt-1", new TicketCreatedData("Payouts failing", Customer, "medium", "portal"));

        host.Bus.Redeliver(Subscription, message, deliveryCount: 1);
        await host.MessagesSettledAsync();
        host.Bus.Redeliver(Subscription, message, deliveryCount: 2);
        await host.MessagesSettledAsync();

        Assert.Single(host.Outbox.Entries, entry => entry.TicketId == _ticketId);
        Assert.Empty(host.Bus.DeadLetters);
    }

    [Fact]
    public async Task An_urgent_ticket_pages_the_operations_manager_and_emails_the_team_and_shows_on_the_timeline()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);

        await PublishAsync(host, Message(HelpdeskEventTypes.TicketAssigned, "evt-2",
            new TicketAssignedData("Payouts failing", Customer, new PersonRef("ava.agent@infoflopay.example"), "urgent", BecameUrgent: true)));
        await host.MessagesSettledAsync();

        var sent = host.Outbox.Entries.Where(entry => entry.TicketId == _ticketId).ToList();
        var page = Assert.Single(sent, entry => entry.Channel == "pager");
        Assert.Equal(["olivia.pager@infoflopay.example"], page.To);
        Assert.Equal(
            ["ava.agent@infoflopay.example", "ben.agent@infoflopay.example"],
            sent.Where(entry => entry.Channel == "email").SelectMany(entry => entry.To).Order());

        var timeline = await host.Services.GetRequiredService<INotificationJournal>().ListAsync(_ticketId, CancellationToken.None);
        Assert.Equal(3, timeline.Count);
        Assert.All(timeline, record => Assert.Equal(NotificationOutcome.Sent, record.Outcome));
    }

    [Fact]
    public async Task A_message_that_is_not_an_event_dead_letters_after_the_max_delivery_count()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);

        host.Bus.Redeliver(Subscription, new OutgoingMessage($"{_ticketId}/bad", "garbage", BinaryData.FromString("not json")), deliveryCount: 1);
        await host.MessagesSettledAsync();

        Assert.Contains(host.Bus.DeadLetters, letter => letter.MessageId == $"{_ticketId}/bad");
        Assert.DoesNotContain(host.Outbox.Entries, entry => entry.TicketId == _ticketId);
    }

    /// <summary>Sends to the topic as the ticket outbox does, so the bus fans out to the notifications subscription.</summary>
    private static Task PublishAsync(Infrastructure.LocalHost host, OutgoingMessage message) =>
        host.Services.GetRequiredService<IMessageSender>().SendAsync("helpdesk-events", message, CancellationToken.None);

    private OutgoingMessage Message<T>(string type, string eventId, T data) => TicketOutbox.ToMessage(
        new HelpdeskEvent(type, 1, _ticketId, eventId, DateTimeOffset.Parse("2026-11-24T14:00:00Z"), JsonSerializer.SerializeToElement(data, HelpdeskJson.Options)));
}
