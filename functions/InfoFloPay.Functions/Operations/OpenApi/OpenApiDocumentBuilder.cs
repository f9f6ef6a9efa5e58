using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Operations.OpenApi;

/// <summary>
/// Builds the OpenAPI 3.0 document from the HTTP functions compiled into this assembly, so the served contract
/// cannot drift from what runs: a function that exists is described, and nothing else is.
/// </summary>
public sealed partial class OpenApiDocumentBuilder
{
    // Schemas describe bodies as the API writes them (HelpdeskJson: kebab-case enums), with a resolver the exporter needs.
    private static readonly JsonSerializerOptions SchemaOptions = new(HelpdeskJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private readonly Lazy<JsonObject> _template;

    public OpenApiDocumentBuilder() => _template = new(() => Build(typeof(OpenApiDocumentBuilder).Assembly));

    /// <summary>The document with paths under <paramref name="routePrefix"/> (the host's, e.g. "/api").</summary>
    public JsonObject Create(string routePrefix)
    {
        var document = (JsonObject)_template.Value.DeepClone();
        var prefixed = new JsonObject();
        foreach (var (path, item) in (JsonObject)document["paths"]!)
        {
            prefixed[routePrefix.TrimEnd('/') + path] = item!.DeepClone();
        }

        document["paths"] = prefixed;
        return document;
    }

    public static IEnumerable<(string Name, MethodInfo Method, HttpTriggerAttribute Trigger)> HttpFunctions(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(method => (method, function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(pair => pair.function is not null)
            .Select(pair => (pair.function!.Name, pair.method,
                trigger: pair.method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)))
            .Where(entry => entry.trigger is not null)
            .Select(entry => (entry.Name, entry.method, entry.trigger!))
            .OrderBy(entry => entry.Item3.Route, StringComparer.Ordinal);

    private static JsonObject Build(Assembly assembly)
    {
        var paths = new JsonObject();
        foreach (var (name, method, trigger) in HttpFunctions(assembly))
        {
            var route = "/" + RouteConstraint().Replace((trigger.Route ?? name).Trim('/'), "{$1}");
            var item = paths[route] as JsonObject ?? new JsonObject();
            paths[route] = item;
            foreach (var verb in trigger.Methods ?? ["get", "post", "put", "patch", "delete"])
            {
                item[verb.ToLowerInvariant()] = Operation(name, method, route);
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "InfoFlo Pay Helpdesk API",
                ["version"] = "1.0",
                ["description"] = "Tickets, triage, knowledge base and monitoring for InfoFlo Pay support. " +
                    "Callers are identified by App Service Authentication's X-MS-CLIENT-PRINCIPAL header.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["appServicePrincipal"] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "header",
                        ["name"] = "X-MS-CLIENT-PRINCIPAL",
                        ["description"] = "Injected by App Service Authentication (Entra ID): base64 JSON of the caller's claims.",
                    },
                },
            },
        };
    }

    private static JsonObject Operation(string name, MethodInfo method, string route)
    {
        var described = method.GetCustomAttribute<OpenApiOperationAttribute>();
        var operation = new JsonObject
        {
            ["operationId"] = name,
            ["summary"] = described?.Summary ?? name,
        };
        if (described?.Tag is { } tag)
        {
            operation["tags"] = new JsonArray(tag);
        }

        var parameters = new JsonArray();
        foreach (Match match in PathParameter().Matches(route))
        {
            parameters.Add(new JsonObject
            {
                ["name"] = match.Groups[1].Value,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        foreach (var query in method.GetCustomAttributes<OpenApiQueryAttribute>())
        {
            parameters.Add(new JsonObject
            {
                ["name"] = query.Name,
                ["in"] = "query",
                ["required"] = false,
                ["description"] = query.Description,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (method.GetCustomAttribute<OpenApiRequestBodyAttribute>() is { } body)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(body.BodyType) } },
            };
        }

        var responses = new JsonObject();
        foreach (var response in method.GetCustomAttributes<OpenApiResponseAttribute>())
        {
            var entry = new JsonObject { ["description"] = response.Description };
            var mediaType = response.Status >= 400 ? "application/problem+json" : "application/json";
            if (response.BodyType is { } type)
            {
                entry["content"] = new JsonObject { [mediaType] = new JsonObject { ["schema"] = Schema(type) } };
            }

            responses[response.Status.ToString(CultureInfo.InvariantCulture)] = entry;
        }

        foreach (var status in method.GetCustomAttribute<OpenApiProblemsAttribute>()?.Statuses ?? [])
        {
            responses[status.ToString(CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = ReasonPhrases.GetReasonPhrase(status),
                ["content"] = new JsonObject { [Problem.ContentType] = new JsonObject { ["schema"] = Schema(typeof(Problem)) } },
            };
        }

        if (responses.Count == 0)
        {
            responses["200"] = new JsonObject { ["description"] = "OK" };
        }

        operation["responses"] = responses;
        if (described?.RequiresPrincipal ?? true)
        {
            operation["security"] = new JsonArray(new JsonObject { ["appServicePrincipal"] = new JsonArray() });
        }

        return operation;
    }

    private static JsonNode Schema(Type type) =>
        SchemaOptions.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });

    /// <summary>A route parameter with its constraints, optional mark or catch-all stars (<c>{*path}</c>), kept as its bare name.</summary>
    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex PathParameter();
}
