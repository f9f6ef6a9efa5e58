using System.Reflection;
using System.Text.Json.Nodes;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.IntegrationTests.Messaging;

/// <summary>
/// The built functions.metadata is what the Functions host indexes: every Service Bus function must appear there as a
/// serviceBusTrigger with entity names taken from app settings and the shared connection name.
/// </summary>
public class ServiceBusFunctionMetadataTests
{
    private static readonly JsonArray Functions = BuiltFunctionMetadata.Load();

    /// <summary>Every function method in the app whose trigger is our ServiceBusTriggerAttribute.</summary>
    public static TheoryData<string> ServiceBusFunctionNames()
    {
        var names = typeof(NotificationsFunction).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Where(method => method.GetParameters().Any(parameter => parameter.GetCustomAttribute<ServiceBusTriggerAttribute>() is not null))
            .Select(method => method.GetCustomAttribute<FunctionAttribute>()!.Name);
        return [.. names];
    }

    private static JsonObject TriggerOf(string functionName) =>
        BuiltFunctionMetadata.TriggerOf(Assert.Single(Functions, function => function!.Text("name") == functionName)!);

    [Fact]
    public void The_notification_dispatcher_is_a_service_bus_function()
    {
        Assert.Contains("DispatchNotification", ServiceBusFunctionNames());
    }

    [Theory]
    [MemberData(nameof(ServiceBusFunctionNames))]
    public void Each_service_bus_function_is_indexed_as_a_serviceBusTrigger_with_settings_for_entity_names(string functionName)
    {
        var trigger = TriggerOf(functionName);

        Assert.Equal("serviceBusTrigger", trigger.Text("type"));
        Assert.Equal("In", trigger.Text("direction"));
        Assert.Equal(ServiceBusConnectionOptions.SettingName, trigger.Text("connection"));

        var entityNames = new[] { "queueName", "topicName", "subscriptionName" }
            .Where(trigger.ContainsKey)
            .Select(trigger.Text)
            .ToArray();
        Assert.NotEmpty(entityNames);
        Assert.All(entityNames, entity => Assert.Matches("^%[A-Z0-9_]+%$", entity));
    }

    [Fact]
    public void The_dispatcher_listens_on_the_notifications_subscription_of_the_events_topic()
    {
        var trigger = TriggerOf("DispatchNotification");

        Assert.Equal($"%{HelpdeskEventsOptions.TopicSetting}%", trigger.Text("topicName"));
        Assert.Equal($"%{HelpdeskEventsOptions.NotificationsSubscriptionSetting}%", trigger.Text("subscriptionName"));
        Assert.Equal("message", trigger.Text("name"));
        Assert.Equal("String", trigger.Text("dataType"));
    }
}
