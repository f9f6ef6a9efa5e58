using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;

namespace InfoFloPay.Functions.Operations.OpenApi;

/// <summary>
/// Builds the OpenAPI 3.0 document (on the Microsoft.OpenApi object model) from the HTTP functions compiled into this
/// assembly, so the served contract cannot drift from what runs: a function that exists is described, and nothing else is.
/// </summary>
public sealed partial class OpenApiDocumentBuilder
{
    public const string PrincipalScheme = "appServicePrincipal";

    public const string FunctionKeyQueryScheme = "functionKeyQuery";

    public const string FunctionKeyHeaderScheme = "functionKeyHeader";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Tickets"] = "Opening, reading, replying to and moving tickets.",
        ["Triage"] = "The triage queue and setting a ticket's priority and owner (staff).",
        ["Customers"] = "Customer accounts: tier, email domains and members.",
        ["Agents"] = "The support team, their skills, accounts and availability.",
        ["Knowledge base"] = "Troubleshooting articles.",
        ["Identity"] = "Who the caller is.",
        ["Intake"] = "Inbound email from the mail provider.",
        ["Monitoring"] = "Synthetic checks of the payment endpoints and their incidents.",
        ["Portal"] = "The customer portal's static files.",
        ["Console"] = "The staff console's static files.",
        ["Operations"] = "Health and this document.",
        ["Attachments"] = "Files attached to a ticket's conversation.",
        ["Reports"] = "The SLA report (staff).",
        ["Paging"] = "The one-click acknowledgement links in the pages of urgent tickets (the signed token is the authority).",
    };

    // Bodies as the API writes and reads them (HelpdeskJson), with a resolver so their contracts can be inspected.
    private static readonly JsonSerializerOptions SchemaOptions = new(HelpdeskJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    // Request bodies as the API reads them: the strict options (unknown properties refused).
    private static readonly JsonSerializerOptions RequestSchemaOptions = new(HelpdeskJson.RequestBody)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);

    /// <summary>The document as OpenAPI 3.0 JSON, with paths under <paramref name="routePrefix"/> (the host's, e.g. "/api").</summary>
    public string Create(string routePrefix) =>
        _documents.GetOrAdd(routePrefix.TrimEnd('/'), prefix => Serialize(Build(typeof(OpenApiDocumentBuilder).Assembly, prefix)));

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

    /// <summary>The document for the HTTP functions in <paramref name="assembly"/>.</summary>
    public static OpenApiDocument Build(Assembly assembly, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(routePrefix);
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "InfoFlo Pay Helpdesk API",
                Version = "1.0",
                Description = "Tickets, triage, knowledge base and monitoring for InfoFlo Pay support. Callers are identified by App Service " +
                    "Authentication's X-MS-CLIENT-PRINCIPAL header. Errors are RFC 9457 problem documents (application/problem+json); " +
                    "429 and 503 carry Retry-After.",
                License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://infoflopay.example/legal/api") },
            },
            Servers = Servers(),
            Paths = [],
            Components = new OpenApiComponents
            {
                Schemas = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
                Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal),
                Parameters = new Dictionary<string, IOpenApiParameter>(StringComparer.Ordinal),
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
                {
                    [PrincipalScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = "X-MS-CLIENT-PRINCIPAL",
                        Description = "Injected by App Service Authentication (Entra ID): base64 JSON of the caller's claims. " +
                            "Locally (the dev host) a client sends it itself.",
                    },
                    [FunctionKeyQueryScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Query,
                        Name = "code",
                        Description = "The Function App's function key for this function (the mail provider's webhook URL carries it).",
                    },
                    [FunctionKeyHeaderScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = "x-functions-key",
                        Description = "The Function App's function key for this function, as a header.",
                    },
                },
            },
        };
        foreach (var (name, header) in OpenApiHeaders.ResponseHeaders)
        {
            document.Components.Headers[name] = header;
        }

        foreach (var (name, parameter) in OpenApiHeaders.RequestHeaders)
        {
            document.Components.Parameters[name] = parameter;
        }

        var schemas = new OpenApiSchemaCatalog(document, SchemaOptions, RequestSchemaOptions);
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, method, trigger) in HttpFunctions(assembly))
        {
            var route = routePrefix.TrimEnd('/') + "/" + RouteConstraint().Replace((trigger.Route ?? name).Trim('/'), "{$1}");
            if (!document.Paths.TryGetValue(route, out var item))
            {
                item = new OpenApiPathItem();
                document.Paths[route] = item;
            }

            var verbs = trigger.Methods ?? ["get", "post", "put", "patch", "delete"];
            foreach (var verb in verbs)
            {
                // Operation ids are unique in a document: a function serving several verbs gets one per verb.
                var operationId = verbs.Length == 1 ? name : name + char.ToUpperInvariant(verb[0]) + verb[1..].ToLowerInvariant();
                var operation = Operation(document, schemas, operationId, method, trigger, route);
                ((OpenApiPathItem)item).AddOperation(new HttpMethod(verb.ToUpperInvariant()), operation);
                tags.UnionWith(method.GetCustomAttribute<OpenApiOperationAttribute>()?.Tag is { } tag ? [tag] : []);
            }
        }

        document.Tags = tags
            .Select(tag => new OpenApiTag { Name = tag, Description = TagDescriptions.GetValueOrDefault(tag, tag) })
            .ToHashSet();
        return document;
    }

    public static string Serialize(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        document.SerializeAsV3(new OpenApiJsonWriter(text));
        return text.ToString();
    }

    private static List<OpenApiServer> Servers()
    {
        // In Azure the app knows its own host name; the relative server works wherever the document was fetched from.
        var servers = new List<OpenApiServer>();
        if (Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME") is { Length: > 0 } host)
        {
            servers.Add(new OpenApiServer { Url = "https://" + host, Description = "This Function App" });
        }

        servers.Add(new OpenApiServer { Url = "/", Description = "The host this document was fetched from" });
        return servers;
    }

    private static OpenApiOperation Operation(
        OpenApiDocument document, OpenApiSchemaCatalog schemas, string name, MethodInfo method, HttpTriggerAttribute trigger, string route)
    {
        var described = method.GetCustomAttribute<OpenApiOperationAttribute>();
        var operation = new OpenApiOperation
        {
            OperationId = name,
            Summary = described?.Summary ?? name,
            Parameters = [],
            Responses = [],
        };
        if (described?.Tag is { } tag)
        {
            operation.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };
        }

        foreach (Match match in PathParameter().Matches(route))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = match.Groups[1].Value,
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        var queries = method.GetCustomAttributes<OpenApiQueryAttribute>().ToList();
        foreach (var query in queries)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = query.Name,
                In = ParameterLocation.Query,
                Required = query.Required,
                Description = query.Description,
                Schema = query.Type.IsEnum ? schemas.Enum(query.Type) : schemas.For(query.Type, OpenApiSchemaCatalog.Direction.Request),
            });
        }

        var requestHeaders = method.GetCustomAttributes<OpenApiRequestHeaderAttribute>().ToList();
        foreach (var header in requestHeaders)
        {
            if (!OpenApiHeaders.RequestHeaders.ContainsKey(header.Name))
            {
                throw new InvalidOperationException($"{name} declares request header {header.Name}, which OpenApiHeaders does not describe.");
            }

            operation.Parameters.Add(new OpenApiParameterReference(header.Name, document));
        }

        var body = method.GetCustomAttribute<OpenApiRequestBodyAttribute>();
        if (body is not null)
        {
            var media = new OpenApiMediaType { Schema = schemas.For(body.BodyType, OpenApiSchemaCatalog.Direction.Request) };
            if (RequestBodyContracts.For(body.BodyType)?.Example is { } example)
            {
                // Microsoft.OpenApi leaves out an optional value that is an empty collection, and a JsonObject is one;
                // an empty object example (acknowledge's {}) goes in as a JSON value, which it writes as {}.
                var node = JsonSerializer.SerializeToNode(example, example.GetType(), HelpdeskJson.Options);
                media.Example = node is JsonObject { Count: 0 }
                    ? JsonValue.Create(example, (JsonTypeInfo<object>)SchemaOptions.GetTypeInfo(typeof(object)))
                    : node;
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = body.Required,
                Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = media },
            };
        }

        if (method.GetCustomAttribute<OpenApiFileUploadAttribute>() is { } upload)
        {
            var form = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Required = new HashSet<string>(StringComparer.Ordinal) { upload.Field },
                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                {
                    [upload.Field] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = upload.Description },
                },
            };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal) { ["multipart/form-data"] = new OpenApiMediaType { Schema = form } },
            };
        }

        foreach (var response in method.GetCustomAttributes<OpenApiResponseAttribute>())
        {
            operation.Responses[Code(response.Status)] = Response(document, schemas, response.Status, response.Description, response.BodyType, response.Headers, response.MediaType);
        }

        var problems = new SortedSet<int>(method.GetCustomAttribute<OpenApiProblemsAttribute>()?.Statuses ?? []);
        var requiresPrincipal = described?.RequiresPrincipal ?? true;
        var keyed = trigger.AuthLevel is AuthorizationLevel.Function or AuthorizationLevel.Admin;

        // What every route of its kind can answer, whatever it declares: refused input, a missing caller, the rate limit.
        if (body is not null || queries.Count > 0 || requestHeaders.Count > 0)
        {
            problems.Add(400);
        }

        if (body is not null)
        {
            problems.UnionWith([413, 415]);
        }

        if (requiresPrincipal || keyed)
        {
            problems.Add(401);
        }

        problems.Add(429);
        foreach (var status in problems.Where(status => !operation.Responses.ContainsKey(Code(status))))
        {
            operation.Responses[Code(status)] = Response(document, schemas, status, ProblemDescription(status), typeof(Problem), [], mediaType: null);
        }

        operation.Security = keyed
            ? [Requirement(document, FunctionKeyQueryScheme), Requirement(document, FunctionKeyHeaderScheme)]
            : requiresPrincipal ? [Requirement(document, PrincipalScheme)] : [];
        return operation;
    }

    private static OpenApiResponse Response(
        OpenApiDocument document, OpenApiSchemaCatalog schemas, int status, string description, Type? bodyType, IReadOnlyList<string> headers, string? mediaType)
    {
        var response = new OpenApiResponse { Description = description };
        if (mediaType is not null)
        {
            response.Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal)
            {
                [mediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = mediaType.StartsWith("text/", StringComparison.Ordinal) ? null : "binary" },
                },
            };
        }
        else if (bodyType is not null)
        {
            // Every refusal is a problem document, whatever the declaration named as its body.
            var problem = status >= 400;
            response.Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal)
            {
                [problem ? Problem.ContentType : "application/json"] = new OpenApiMediaType
                {
                    Schema = schemas.For(problem ? typeof(Problem) : bodyType, OpenApiSchemaCatalog.Direction.Response),
                },
            };
        }

        var names = new List<string>(headers);
        if (status is 429 or 503)
        {
            names.Add(OpenApiHeaders.RetryAfter);
        }

        if (names.Count > 0)
        {
            response.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in names.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!OpenApiHeaders.ResponseHeaders.ContainsKey(header))
                {
                    throw new InvalidOperationException($"A response declares header {header}, which OpenApiHeaders does not describe.");
                }

                response.Headers[header] = new OpenApiHeaderReference(header, document);
            }
        }

        return response;
    }

    private static string ProblemDescription(int status) => status switch
    {
        400 => "Invalid request: a malformed or unknown field, header or query value; errors name the fields",
        401 => "No caller: the principal (or function key) is missing or malformed",
        413 => "The body is larger than the route accepts",
        415 => "The body is not application/json",
        429 => "Too many requests from this caller; wait Retry-After seconds",
        503 => "Storage did not answer within its time budget; retry after Retry-After seconds (a create with an Idempotency-Key is safe to retry)",
        _ => ReasonPhrases.GetReasonPhrase(status),
    };

    private static OpenApiSecurityRequirement Requirement(OpenApiDocument document, string scheme) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static string Code(int status) => status.ToString(CultureInfo.InvariantCulture);

    /// <summary>A route parameter with its constraints, optional mark or catch-all stars (<c>{*path}</c>), kept as its bare name.</summary>
    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex PathParameter();
}
