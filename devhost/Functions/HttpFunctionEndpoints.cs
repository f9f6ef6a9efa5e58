using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace InfoFloPay.DevHost.Functions;

/// <summary>Maps every HTTP-triggered function to its route under the host's route prefix, as the Functions host does.</summary>
public static class HttpFunctionEndpoints
{
    public static void MapHttpFunctions(this WebApplication app, FunctionCatalog catalog, string routePrefix)
    {
        foreach (var function in catalog.Functions.Where(f => f.Kind == TriggerKind.Http))
        {
            var pattern = "/" + string.Join('/', new[] { routePrefix.Trim('/'), function.Route }.Where(part => part!.Length > 0));
            var endpoint = function.HttpMethods.Count == 0
                ? app.Map(pattern, context => InvokeAsync(function, context))
                : app.MapMethods(pattern, function.HttpMethods, context => InvokeAsync(function, context));
            endpoint.WithName(function.Name);
        }
    }

    /// <summary>The route prefix from the Function App's host.json (<c>extensions.http.routePrefix</c>), "api" when absent.</summary>
    public static string ReadRoutePrefix(string hostJsonPath)
    {
        if (!File.Exists(hostJsonPath))
        {
            return "api";
        }

        using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath));
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
                ? prefix.GetString() ?? ""
                : "api";
    }

    private static async Task InvokeAsync(FunctionDescriptor function, HttpContext context)
    {
        var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
        var result = await invoker.InvokeAsync(function, (parameter, out value) => Bind(parameter, context, out value), context.RequestServices);

        switch (result)
        {
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            case null:
                break;
            default:
                throw new InvalidOperationException(
                    $"Function '{function.Name}' returned {result.GetType().Name}; HTTP functions here return IActionResult.");
        }
    }

    private static bool Bind(System.Reflection.ParameterInfo parameter, HttpContext context, out object? value)
    {
        value = parameter.ParameterType switch
        {
            var type when type == typeof(HttpRequest) => context.Request,
            var type when type == typeof(HttpContext) => context,
            var type when type == typeof(CancellationToken) => context.RequestAborted,
            var type when type == typeof(string) => context.GetRouteValue(parameter.Name!) as string
                ?? (context.Request.Query.TryGetValue(parameter.Name!, out var query) ? query.ToString() : null),
            _ => null,
        };
        return value is not null || parameter.ParameterType == typeof(string);
    }
}
