using System.Reflection;
using System.Text.Json;
using InfoFloPay.Functions.Messaging;
using InfoFloPay.Functions.Notifications;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.IntegrationTests.Messaging;

/// <summary>
/// The built functions.metadata is what the Functions host indexes: every Service Bus function must appear there as a
/// serviceBusTrigger with entity names taken from app settings and the shared connection name.
/// </summary>
public class ServiceBusFunctionMetadataTests
{
    private static readonly JsonElement[] Functions = ReadMetadata();

    private static JsonElement[] ReadMetadata()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FunctionsBuild.MetadataPath));
        return [.. document.RootElement.Clone().EnumerateArray()];
    }

    /// <summary>Every function method in the app whose trigger is our ServiceBusTriggerAttribute.</summary>
    public static TheoryData<string> ServiceBusFunctionNames()
    {
        var names = typeof(NotificationsFunction).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Where(method => method.GetParameters().Any(parameter => parameter.GetCustomAttribute<ServiceBusTriggerAttribute>() is not null))
            .Select(method => method.GetCustomAttribute<FunctionAttribute>()!.Name);
        return [.. names];
    }

    [Fact]
    public void The_notification_dispatcher_is_a_service_bus_function()
    {
        Assert.Contains("DispatchNotification", ServiceBusFunctionNames());
    }

    [Theory]
    [MemberData(nameof(ServiceBusFunctionNames))]
    public void Each_service_bus_function_is_indexed_as_a_serviceBusTrigger_with_settings_for_entity_names(string functionName)
    {
        var function = Assert.Single(Functions, f => f.GetProperty("name").GetString() == functionName);
        var trigger = Assert.Single(function.GetProperty("bindings").EnumerateArray(), binding => binding.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

        Assert.Equal("serviceBusTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("In", trigger.GetProperty("direction").GetString());
        Assert.Equal(ServiceBusConnectionOptions.SettingName, trigger.GetProperty("connection").GetString());

        var entityNames = new[] { "queueName", "topicName", "subscriptionName" }
            .Where(name => trigger.TryGetProperty(name, out _))
            .Select(name => trigger.GetProperty(name).GetString()!)
            .ToArray();
        Assert.NotEmpty(entityNames);
        Assert.All(entityNames, entity => Assert.Matches("^%[A-Z0-9_]+%$", entity));
    }

    [Fact]
    public void The_dispatcher_listens_on_the_notifications_subscription_of_the_events_topic()
    {
        var function = Assert.Single(Functions, f => f.GetProperty("name").GetString() == "DispatchNotification");
        var trigger = function.GetProperty("bindings")[0];

        Assert.Equal("%HELPDESK_EVENTS_TOPIC%", trigger.GetProperty("topicName").GetString());
        Assert.Equal("%NOTIFICATIONS_SUBSCRIPTION%", trigger.GetProperty("subscriptionName").GetString());
        Assert.Equal("message", trigger.GetProperty("name").GetString());
        Assert.Equal("String", trigger.GetProperty("dataType").GetString());
        Assert.Equal($"%{HelpdeskEventsOptions.TopicSetting}%", trigger.GetProperty("topicName").GetString());
    }
}
