using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoFloPay.IntegrationTests.Flows;

/// <summary>At-least-once delivery on the local host's bus: a redelivered message sends nothing twice, and a message
/// whose handler keeps failing dead-letters after the max delivery count, having served every recipient it could.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class DeliveryGuaranteeTests(AzuriteFixture azurite)
{
    private const string Subscription = "helpdesk-events/subscriptions/notifications";

    [Fact]
    public async Task The_same_message_delivered_again_sends_nothing_twice_and_adds_nothing_to_the_timeline()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite, configureServices: TappedMessageSender.Install);
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync();
        await desk.TriageAsync(id, "urgent", Desk.Ava);
        var sentBefore = desk.Sent(id);
        var timelineBefore = await Desk.EventsAsync(id, host.Agent());

        var tap = host.Services.GetRequiredService<TappedMessageSender>();
        var messages = tap.Sent.Where(message => message.MessageId.StartsWith(id + "/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ticket.assigned", "ticket.created"], messages.Select(message => message.Subject).Order(StringComparer.Ordinal));
        foreach (var message in messages)
        {
            host.Bus.Redeliver(Subscription, message, deliveryCount: 2);
        }

        await host.MessagesSettledAsync();

        Assert.Equal(4, sentBefore.Count);
        Assert.Equal(sentBefore, desk.Sent(id));
        Assert.Equal(timelineBefore.Count, (await Desk.EventsAsync(id, host.Agent())).Count);
        Assert.Empty(host.Bus.DeadLetters);
    }

    [Fact]
    public async Task A_pager_that_keeps_failing_dead_letters_the_message_after_the_max_delivery_count_and_blocks_no_email()
    {
        var pager = new FailingPager();
        await using var host = await Infrastructure.LocalHost.StartAsync(
            azurite,
            new Dictionary<string, string?> { ["DevHost:ServiceBus:MaxDeliveryCount"] = "3" },
            services => services.Replace(ServiceDescriptor.Singleton<IPager>(pager)));
        var desk = await Desk.OpenAsync(host);
        var id = await desk.OpenTicketAsync();

        await desk.TriageAsync(id, "urgent", Desk.Ava);

        Assert.Equal(3, pager.Attempts);
        var letter = Assert.Single(host.Bus.DeadLetters, letter => letter.MessageId.StartsWith(id + "/", StringComparison.Ordinal));
        Assert.Equal((Subscription, 3, "MaxDeliveryCountExceeded"), (letter.EntityPath, letter.DeliveryCount, letter.DeadLetterReason));
        Assert.Contains("ticket.assigned", letter.Body, StringComparison.Ordinal);

        var admin = await host.Anonymous().GetFromJsonAsync<JsonObject>(Desk.Relative("/admin/servicebus"));
        Assert.Contains(admin!["deadLetters"]!.AsArray(), dead => dead!["messageId"]!.GetValue<string>() == letter.MessageId);

        // Every recipient but the pager was served on the first delivery and never again.
        Assert.Equal([Desk.Ava, Desk.Ben, desk.Carol], desk.EmailedTo(id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(desk.Sent(id), entry => entry.Channel == "pager");
        Assert.DoesNotContain(Desk.NotificationsOf(await Desk.EventsAsync(id, host.Agent())), e => e["channel"]!.GetValue<string>() == "pager");
    }
}
