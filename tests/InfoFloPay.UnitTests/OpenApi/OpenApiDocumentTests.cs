using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoFloPay.Functions;
using InfoFloPay.Functions.Operations.OpenApi;

namespace InfoFloPay.UnitTests.OpenApi;

public sealed class OpenApiDocumentTests
{
    private static readonly JsonObject Document =
        JsonNode.Parse(OpenApiDocumentBuilder.Serialize(OpenApiDocumentBuilder.Build(typeof(OpenApiDocumentBuilder).Assembly, "/api")))!.AsObject();

    private static JsonObject Schemas => Document["components"]!["schemas"]!.AsObject();

    private static IEnumerable<(string Route, string Method, JsonObject Operation)> Operations =>
        Document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(operation => (path.Key, operation.Key, operation.Value!.AsObject())));

    [Fact]
    public void Is_openapi_3_0_with_a_server_and_the_three_security_schemes()
    {
        Assert.StartsWith("3.0.", Document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(Document["servers"]!.AsArray());
        Assert.Equal(
            [OpenApiDocumentBuilder.PrincipalScheme, OpenApiDocumentBuilder.FunctionKeyHeaderScheme, OpenApiDocumentBuilder.FunctionKeyQueryScheme],
            Document["components"]!["securitySchemes"]!.AsObject().Select(pair => pair.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Response_fields_are_required_when_always_written_and_nullable_only_when_written_as_null()
    {
        var ticket = Schemas["TicketResponse"]!;
        var required = ticket["required"]!.AsArray().Select(name => name!.GetValue<string>()).ToList();

        // Non-null members are always there; "assignee" is written as null when unassigned; "description" is left out when null.
        Assert.Contains("subject", required);
        Assert.Contains("assignee", required);
        Assert.DoesNotContain("description", required);
        Assert.True(ticket["properties"]!["assignee"]!["nullable"]!.GetValue<bool>());
        Assert.Null(ticket["properties"]!["description"]!["nullable"]);
        Assert.Null(ticket["properties"]!["subject"]!["nullable"]);
        Assert.Equal("#/components/schemas/TicketStatus", ticket["properties"]!["status"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["new", "open", "pending", "resolved", "closed"], Schemas["TicketStatus"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void Request_bodies_are_strict_with_the_validators_required_fields_and_enums()
    {
        var triage = Schemas["TriageRequest"]!;

        Assert.False(triage["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["priority"], triage["required"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("#/components/schemas/TicketPriority", triage["properties"]!["priority"]!["$ref"]!.GetValue<string>());
        Assert.True(triage["properties"]!["assignee"]!["nullable"]!.GetValue<bool>());

        // An optional enum accepts null too, which OpenAPI 3.0.3 says must be among the values.
        var priority = Schemas["NewTicketRequest"]!["properties"]!["priority"]!;
        Assert.True(priority["nullable"]!.GetValue<bool>());
        Assert.Contains(null, priority["enum"]!.AsArray());
    }

    [Fact]
    public void Every_request_body_has_a_contract_whose_fields_exist_and_an_example()
    {
        var options = new JsonSerializerOptions(HelpdeskJson.Options) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
        var bodies = OpenApiDocumentBuilder.HttpFunctions(typeof(OpenApiDocumentBuilder).Assembly)
            .Select(function => function.Method.GetCustomAttribute<OpenApiRequestBodyAttribute>()?.BodyType)
            .OfType<Type>()
            .Distinct()
            .ToList();
        Assert.NotEmpty(bodies);

        Assert.All(bodies, body => Assert.NotNull(RequestBodyContracts.For(body)?.Example));
        Assert.All(RequestBodyContracts.All, pair =>
        {
            var names = options.GetTypeInfo(pair.Key).Properties.Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
            Assert.All(pair.Value.Required.Concat(pair.Value.Enums.Keys), name => Assert.Contains(name, names));
        });
        Assert.All(Operations.Where(op => op.Operation["requestBody"]?["content"]?["multipart/form-data"] is null),
            op => Assert.True(op.Operation["requestBody"] is null || op.Operation["requestBody"]!["content"]!["application/json"]!["example"] is not null, $"{op.Method} {op.Route}"));
    }

    [Fact]
    public void The_attachment_upload_takes_a_required_binary_file_field_as_multipart_form_data()
    {
        var body = Document["paths"]!["/api/tickets/{id}/attachments"]!["post"]!["requestBody"]!;
        var schema = body["content"]!["multipart/form-data"]!["schema"]!;

        Assert.True(body["required"]!.GetValue<bool>());
        Assert.Single(body["content"]!.AsObject());
        Assert.Equal(["file"], schema["required"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(("string", "binary"), (schema["properties"]!["file"]!["type"]!.GetValue<string>(), schema["properties"]!["file"]!["format"]!.GetValue<string>()));
    }

    [Fact]
    public void The_sla_report_requires_from_and_to_as_dates()
    {
        var parameters = Document["paths"]!["/api/reports/sla"]!["get"]!["parameters"]!.AsArray()
            .Where(p => p!["in"]?.GetValue<string>() == "query").ToList();

        Assert.Equal(["from", "to"], parameters.Select(p => p!["name"]!.GetValue<string>()));
        Assert.All(parameters, p => Assert.Equal((true, "date"), (p!["required"]!.GetValue<bool>(), p["schema"]!["format"]!.GetValue<string>())));
    }

    [Fact]
    public void Every_route_documents_429_and_its_refusals_as_problem_json_with_retry_after_where_it_applies()
    {
        Assert.All(Operations, op =>
        {
            var responses = op.Operation["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("429"), $"{op.Method} {op.Route} documents no 429");
            foreach (var (status, response) in responses.Where(pair => int.Parse(pair.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400))
            {
                // A page a person opens from an email (the paging link) answers its refusals as pages too: only routes
                // whose success is HTML may.
                var html = op.Operation["responses"]!["200"]?["content"]?["text/html"] is not null;
                if (response!["content"] is JsonObject content)
                {
                    Assert.Equal([html && status != "429" ? "text/html" : "application/problem+json"], content.Select(pair => pair.Key));
                }

                if (status is "429" or "503")
                {
                    Assert.Equal("#/components/headers/Retry-After", response["headers"]!["Retry-After"]!["$ref"]!.GetValue<string>());
                }
            }
        });
    }

    [Fact]
    public void Headers_are_declared_where_the_routes_use_them_and_intake_is_secured_by_the_function_key()
    {
        var create = Document["paths"]!["/api/tickets"]!["post"]!;
        var article = Document["paths"]!["/api/articles/{slug}"]!["put"]!;
        var intake = Document["paths"]!["/api/inbound/email"]!["post"]!;

        Assert.Contains(create["parameters"]!.AsArray(), p => p!["$ref"]!.GetValue<string>() == "#/components/parameters/Idempotency-Key");
        Assert.Equal(["ETag", "Location", "Idempotent-Replayed"], create["responses"]!["201"]!["headers"]!.AsObject().Select(pair => pair.Key));
        Assert.Contains(article["parameters"]!.AsArray(), p => p!["$ref"]?.GetValue<string>() == "#/components/parameters/If-Match");
        Assert.Equal(
            [OpenApiDocumentBuilder.FunctionKeyQueryScheme, OpenApiDocumentBuilder.FunctionKeyHeaderScheme],
            intake["security"]!.AsArray().Select(requirement => requirement!.AsObject().Single().Key));
        Assert.Equal([OpenApiDocumentBuilder.PrincipalScheme], create["security"]!.AsArray().Select(requirement => requirement!.AsObject().Single().Key));
        Assert.Empty(Document["paths"]!["/api/health"]!["get"]!["security"]!.AsArray());
    }

    [Fact]
    public void The_paging_link_is_anonymous_html_and_acknowledge_takes_an_optional_empty_body_and_if_match()
    {
        var link = Document["paths"]!["/api/acknowledge/{token}"]!.AsObject();
        var acknowledge = Document["paths"]!["/api/tickets/{id}/acknowledge"]!["post"]!;

        Assert.Equal(["get", "post"], link.Select(pair => pair.Key));
        Assert.Equal(["AcknowledgePageLinkGet", "AcknowledgePageLinkPost"], link.Select(pair => pair.Value!["operationId"]!.GetValue<string>()));
        Assert.All(link, pair =>
        {
            Assert.Empty(pair.Value!["security"]!.AsArray());
            Assert.All(new[] { "200", "400", "409", "410" }, status => Assert.NotNull(pair.Value!["responses"]![status]!["content"]!["text/html"]));
        });
        Assert.False(acknowledge["requestBody"]!["required"]?.GetValue<bool>() ?? false);
        Assert.Equal("{}", acknowledge["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString());
        Assert.Contains(acknowledge["parameters"]!.AsArray(), p => p!["$ref"]?.GetValue<string>() == "#/components/parameters/If-Match");
    }
}
