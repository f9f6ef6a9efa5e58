using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Routing;
using InfoFloPay.Functions.Webhooks;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Routing;

/// <summary>The built functions.metadata, as the Functions host indexes it: routing has its own subscription of the events topic.</summary>
public class RouteAssignmentMetadataTests
{
    [Fact]
    public void The_build_has_three_service_bus_triggered_functions_each_on_its_own_subscription_of_the_events_topic()
    {
        var triggers = BuiltFunctionMetadata.Load()
            .Select(function => (Name: function!.Text("name"), Trigger: BuiltFunctionMetadata.TriggerOf(function!)))
            .Where(function => function.Trigger.Text("type") == "serviceBusTrigger" && function.Trigger["topicName"] is not null)
            .ToDictionary(function => function.Name, function => (Topic: function.Trigger.Text("topicName"), Subscription: function.Trigger.Text("subscriptionName")));

        Assert.Equal(new Dictionary<string, (string, string)>
        {
            ["DispatchNotification"] = ($"%{HelpdeskEventsOptions.TopicSetting}%", $"%{HelpdeskEventsOptions.NotificationsSubscriptionSetting}%"),
            ["RouteAssignment"] = ($"%{HelpdeskEventsOptions.TopicSetting}%", $"%{RoutingOptions.SubscriptionSetting}%"),
            ["FanOutWebhooks"] = ($"%{HelpdeskEventsOptions.TopicSetting}%", $"%{WebhookOptions.SubscriptionSetting}%"),
        }, triggers);
    }
}
