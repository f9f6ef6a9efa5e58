using InfoFloPay.DevHost.Functions;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.LocalHost;

/// <summary>The local host must run exactly what Azure would: the functions in the build's functions.metadata.</summary>
public sealed class FunctionMetadataParityTests
{
    private static readonly Dictionary<string, TriggerKind> TriggerKinds = new(StringComparer.Ordinal)
    {
        ["httpTrigger"] = TriggerKind.Http,
        ["timerTrigger"] = TriggerKind.Timer,
        ["serviceBusTrigger"] = TriggerKind.ServiceBus,
    };

    [Fact]
    public void Local_host_exposes_exactly_the_functions_in_the_built_metadata()
    {
        var metadata = BuiltFunctionMetadata.Load()
            .Select(function => (Name: function!.Text("name"), Trigger: BuiltFunctionMetadata.TriggerOf(function!)))
            .ToDictionary(entry => entry.Name, entry => entry.Trigger, StringComparer.Ordinal);
        var local = FunctionCatalog.ForHelpdesk().Functions.ToDictionary(function => function.Name, StringComparer.Ordinal);

        Assert.Equal(metadata.Keys.Order(StringComparer.Ordinal), local.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, trigger) in metadata)
        {
            var function = local[name];
            Assert.Equal(TriggerKinds[trigger.Text("type")], function.Kind);
            switch (function.Kind)
            {
                case TriggerKind.Http:
                    Assert.Equal(trigger.Text("route"), function.Route);
                    var methods = trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).Order();
                    Assert.Equal(methods, function.HttpMethods.Order());
                    break;
                case TriggerKind.Timer:
                    Assert.Equal(trigger.Text("schedule"), function.Schedule);
                    break;
                case TriggerKind.ServiceBus:
                    Assert.Equal(trigger["queueName"]?.GetValue<string>(), function.QueueName);
                    Assert.Equal(trigger["topicName"]?.GetValue<string>(), function.TopicName);
                    Assert.Equal(trigger["subscriptionName"]?.GetValue<string>(), function.SubscriptionName);
                    Assert.Equal(trigger["connection"]?.GetValue<string>(), function.Connection);
                    break;
            }
        }
    }
}
