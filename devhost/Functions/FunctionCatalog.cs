using System.Reflection;
using InfoFloPay.Functions.Messaging;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.DevHost.Functions;

/// <summary>
/// Discovers the Function App's <c>[Function]</c> methods by reflection, the way the worker SDK does at build time,
/// so the local host runs exactly the functions that would run in Azure.
/// </summary>
public sealed class FunctionCatalog
{
    public FunctionCatalog(Assembly functionsAssembly)
    {
        Functions = [.. functionsAssembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false })
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(method => (method, attribute: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(pair => pair.attribute is not null)
            .Select(pair => Describe(pair.attribute!.Name, pair.method))
            .OrderBy(function => function.Name, StringComparer.Ordinal)];
    }

    public static FunctionCatalog ForHelpdesk() => new(typeof(InfoFloPay.Functions.HelpdeskServiceCollectionExtensions).Assembly);

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public FunctionDescriptor? Find(string name) =>
        Functions.FirstOrDefault(function => string.Equals(function.Name, name, StringComparison.OrdinalIgnoreCase));

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                return new FunctionDescriptor(name, method, parameter, TriggerKind.Http)
                {
                    Route = (http.Route ?? name).Trim('/'),
                    HttpMethods = [.. (http.Methods ?? []).Select(m => m.ToUpperInvariant())],
                };
            }

            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new FunctionDescriptor(name, method, parameter, TriggerKind.Timer)
                {
                    Schedule = timer.Schedule,
                    RunOnStartup = timer.RunOnStartup,
                };
            }

            if (parameter.GetCustomAttribute<ServiceBusTriggerAttribute>() is { } serviceBus)
            {
                return new FunctionDescriptor(name, method, parameter, TriggerKind.ServiceBus)
                {
                    QueueName = serviceBus.QueueName,
                    TopicName = serviceBus.TopicName,
                    SubscriptionName = serviceBus.SubscriptionName,
                    Connection = serviceBus.Connection,
                };
            }
        }

        throw new NotSupportedException(
            $"Function '{name}' ({method.DeclaringType?.Name}.{method.Name}) has a trigger the local host does not run. " +
            "Supported: HttpTrigger, TimerTrigger, ServiceBusTrigger.");
    }
}
