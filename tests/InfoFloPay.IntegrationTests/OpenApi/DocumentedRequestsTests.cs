using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfoFloPay.DevHost.Seeding;
using InfoFloPay.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace InfoFloPay.IntegrationTests.OpenApi;

/// <summary>
/// Requests generated from the served document against the running local host: every documented request body example
/// is accepted as is, and malformed variants of every route's input are refused with a problem document, never a 5xx.
/// </summary>
public sealed class DocumentedRequestsTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const string Manager = "olivia.ops@infoflopay.example";

    [Fact]
    public async Task Every_documented_request_body_example_is_accepted_by_its_route()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var document = await DocumentAsync(host);
        var client = host.Manager(Manager);
        var paths = await PathValuesAsync(host, client);

        var sent = 0;
        foreach (var (route, method, operation) in Operations(document).Where(op => op.Operation["requestBody"]?["content"]?["application/json"] is not null))
        {
            var example = operation["requestBody"]!["content"]!["application/json"]!["example"]!;
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), Fill(route, paths))
            {
                Content = new StringContent(example.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            using var response = await client.SendAsync(request);
            sent++;

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{method.ToUpperInvariant()} {route} refused its own example {example.ToJsonString()}: {(int)response.StatusCode} {body}");
        }

        Assert.True(sent >= 10, $"only {sent} documented bodies");
    }

    [Fact]
    [Trait("Category", "Fuzz")]
    public async Task Malformed_requests_to_every_route_get_problem_json_and_never_a_5xx()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var document = await DocumentAsync(host);
        var client = host.Manager(Manager);
        var paths = await PathValuesAsync(host, client);

        var failures = new List<string>();
        var sent = 0;
        foreach (var (route, method, operation) in Operations(document))
        {
            foreach (var fuzz in Cases(document, route, operation, paths))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), fuzz.Uri);
                if (fuzz.Body is { } bytes)
                {
                    request.Content = new ByteArrayContent(bytes);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                }

                foreach (var (name, value) in fuzz.Headers)
                {
                    request.Headers.Remove(name);
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await (fuzz.Anonymous ? host.Anonymous() : client).SendAsync(request);
                sent++;
                var problem = await ProblemFailureAsync(operation, response);
                if (problem is not null)
                {
                    failures.Add($"{method.ToUpperInvariant()} {route} [{fuzz.Name}] → {(int)response.StatusCode}: {problem}");
                }
            }
        }

        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }

        output.WriteLine($"{sent} requests, {failures.Count} failures");
        Assert.True(sent >= 300, $"only {sent} requests");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private sealed record FuzzCase(string Name, string Uri, byte[]? Body, IReadOnlyList<(string Name, string Value)> Headers, bool Anonymous = false);

    private static IEnumerable<FuzzCase> Cases(JsonObject document, string route, JsonObject operation, IReadOnlyDictionary<string, string> paths)
    {
        var uri = Fill(route, paths);
        var example = operation["requestBody"]?["content"]?["application/json"]?["example"]?.AsObject();
        byte[]? Json(JsonNode? node) => node is null ? null : Encoding.UTF8.GetBytes(node.ToJsonString());
        var body = Json(example);
        var parameters = operation["parameters"]?.AsArray().Select(p => p!["$ref"] is { } r ? document["components"]!["parameters"]![r.GetValue<string>().Split('/')[^1]]! : p!).ToList() ?? [];

        // The caller.
        var nullClaims = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"claims":[null]}"""));
        yield return new("null claims principal", uri, body, [(PrincipalHeader.Name, nullClaims)], Anonymous: true);
        yield return new("principal not base64", uri, body, [(PrincipalHeader.Name, "%%%not-base64%%%")], Anonymous: true);
        yield return new("principal base64 of garbage", uri, body, [(PrincipalHeader.Name, Convert.ToBase64String([0xff, 0xfe, 0x00, 0x7b]))], Anonymous: true);
        yield return new("principal claims not an array", uri, body, [(PrincipalHeader.Name, Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"claims":{"typ":1}}""")))], Anonymous: true);

        // Headers the route reads.
        foreach (var header in parameters.Where(p => p["in"]!.GetValue<string>() == "header").Select(p => p["name"]!.GetValue<string>()))
        {
            foreach (var (label, value) in new[] { ("garbage", "garbage"), ("unterminated quote", "\"abc"), ("bare W/", "W/"), ("huge", new string('x', 5000)), ("list", "\"a\", \"b\"") })
            {
                yield return new($"{header} {label}", uri, body, [(header, value)]);
            }
        }

        // Query values of the wrong type or outside their enum.
        foreach (var query in parameters.Where(p => p["in"]!.GetValue<string>() == "query").Select(p => p["name"]!.GetValue<string>()))
        {
            foreach (var value in new[] { "-1", "not-a-value", "99999999999999999999", "%00", new string('q', 3000) })
            {
                yield return new($"query {query}={value[..Math.Min(value.Length, 20)]}", $"{uri}?{query}={Uri.EscapeDataString(value)}", body, []);
            }
        }

        // Path values that are not what the route names.
        foreach (var name in route.Split('/').Where(part => part.StartsWith('{')))
        {
            foreach (var value in new[] { new string('p', 2000), "..%2F..", "%C3%28", "a b", "UPPER_Case" })
            {
                yield return new($"path {name}={value[..Math.Min(value.Length, 20)]}", route.Replace(name, value, StringComparison.Ordinal), body, []);
            }
        }

        if (example is null)
        {
            yield break;
        }

        var schema = Resolve(document, operation["requestBody"]!["content"]!["application/json"]!["schema"]!);
        yield return new("malformed JSON", uri, Encoding.UTF8.GetBytes("{\"subject\": "), []);
        yield return new("invalid UTF-8", uri, [.. "{\"x\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8], []);
        yield return new("JSON array", uri, Encoding.UTF8.GetBytes("[]"), []);
        yield return new("JSON null", uri, Encoding.UTF8.GetBytes("null"), []);
        yield return new("JSON string", uri, Encoding.UTF8.GetBytes("\"text\""), []);
        yield return new("empty body", uri, [], []);
        yield return new("too large", uri, Encoding.UTF8.GetBytes($$"""{"x":"{{new string('a', 70 * 1024)}}"}"""), []);
        yield return new("unknown property", uri, Json(With(example, "internl", true)), []);
        yield return new("unknown nested-looking property", uri, Json(With(example, "$type", "admin")), []);
        foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            var without = (JsonObject)example.DeepClone();
            without.Remove(required);
            yield return new($"missing {required}", uri, Json(without), []);
        }

        foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
        {
            foreach (var (label, value) in new (string, JsonNode?)[]
            {
                ("number", 12345), ("object", new JsonObject { ["a"] = 1 }), ("array", new JsonArray(1, "two")), ("bool", true), ("null", null),
                ("bad enum", "definitely-not-valid"), ("huge string", new string('h', 40_000)), ("control chars", "a\u0000b\u001b"),
                ("float", 1.5), ("deep", Deep(40)),
            })
            {
                yield return new($"{property} {label}", uri, Json(With(example, property, value)), []);
            }
        }
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["d"] = node };
        }

        return node;
    }

    private static JsonObject With(JsonObject example, string property, JsonNode? value)
    {
        var copy = (JsonObject)example.DeepClone();
        copy[property] = value?.DeepClone();
        return copy;
    }

    /// <summary>Null when the response is acceptable: below 500, and a 4xx is a well-formed problem document unless the document says that status has no body.</summary>
    private static async Task<string?> ProblemFailureAsync(JsonObject operation, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"server error {response.Content.Headers.ContentType} {text[..Math.Min(text.Length, 300)]}";
        }

        if (status < 400)
        {
            return null;
        }

        var documented = operation["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        if (documented is not null && documented["content"] is null)
        {
            return null;
        }

        // A refusal documented as something else (the HTML pages of a link a person opens) must be exactly that.
        if (documented?["content"]?.AsObject() is { } content && !content.ContainsKey("application/problem+json"))
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            return mediaType is not null && content.ContainsKey(mediaType) ? null : $"not the documented {string.Join(", ", content.Select(c => c.Key))} ({mediaType}): {text[..Math.Min(text.Length, 200)]}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"not problem+json ({response.Content.Headers.ContentType}): {text[..Math.Min(text.Length, 200)]}";
        }

        try
        {
            var problem = JsonNode.Parse(text)!.AsObject();
            return problem["status"]?.GetValue<int>() == status && problem["title"] is not null && problem["type"] is not null && problem["detail"] is not null
                ? null
                : $"problem document incomplete: {text}";
        }
        catch (System.Text.Json.JsonException)
        {
            return $"problem body is not JSON: {text[..Math.Min(text.Length, 200)]}";
        }
    }

    private static async Task<JsonObject> DocumentAsync(Infrastructure.LocalHost host) =>
        (await host.Anonymous().GetFromJsonAsync<JsonObject>(new Uri("/api/openapi.json", UriKind.Relative)))!;

    private static IEnumerable<(string Route, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    private static JsonNode Resolve(JsonObject document, JsonNode schema) =>
        schema["$ref"] is { } reference ? document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]! : schema;

    /// <summary>The resources the routes' path parameters name, created so that a documented example reaches its route's logic.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> PathValuesAsync(Infrastructure.LocalHost host, HttpClient client)
    {
        using var created = await client.PostAsJsonAsync(new Uri("/api/tickets", UriKind.Relative), new { subject = "Fuzz target", description = "Set up by the OpenAPI tests." });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var ticket = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        // Only an urgent ticket is paged, so only its page can be acknowledged.
        using var urgent = await client.PostAsJsonAsync(new Uri("/api/tickets", UriKind.Relative), new { subject = "Fuzz target, urgent", description = "Paged, for the acknowledge route.", priority = "urgent" });
        Assert.True(urgent.IsSuccessStatusCode, await urgent.Content.ReadAsStringAsync());
        var paged = (await urgent.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await host.MessagesSettledAsync();

        // Only a heartbeat target has a heartbeat URL to rotate.
        using var heartbeat = await client.PutAsJsonAsync(new Uri("/api/monitoring/targets/fuzz-heartbeat", UriKind.Relative), new { kind = "heartbeat", failureThreshold = 2 });
        Assert.True(heartbeat.IsSuccessStatusCode, await heartbeat.Content.ReadAsStringAsync());
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/api/tickets/{id}/acknowledge"] = paged,
            ["/api/monitoring/targets/{name}/heartbeat-url"] = "fuzz-heartbeat",
            ["/api/tickets/{id}"] = ticket,
            ["/api/customers/{id}"] = "acme-example",
            ["/api/monitoring/maintenance/{id}"] = "fuzz-window",
            ["{slug}"] = "payout-delayed",
            ["{email}"] = "ava.agent@infoflopay.example",
            ["{name}"] = "status-page",
            ["{path}"] = "index.html",
        };
    }

    private static string Fill(string route, IReadOnlyDictionary<string, string> values)
    {
        // Longest first, so a route's own resource (the urgent ticket of /acknowledge) wins over its prefix's.
        foreach (var (key, value) in values.OrderByDescending(pair => pair.Key.Length))
        {
            route = key.StartsWith('/')
                ? route.StartsWith(key, StringComparison.Ordinal) ? System.Text.RegularExpressions.Regex.Replace(key, "\\{[^}]+}", value) + route[key.Length..] : route
                : route.Replace(key, value, StringComparison.Ordinal);
        }

        return route;
    }
}
