using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.DevHost.Functions;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.LocalHost;

public sealed class OperationsEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task OpenApi_document_describes_every_http_function_and_nothing_else()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);

        var document = await host.Anonymous().GetFromJsonAsync<JsonObject>(new Uri("/api/openapi.json", UriKind.Relative));

        var described = document!["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal);
        var running = FunctionCatalog.ForHelpdesk().Functions
            .Where(function => function.Kind == TriggerKind.Http)
            .SelectMany(function => function.HttpMethods.Select(method => $"{method} /api/{StripConstraints(function.Route!)}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(running, described);
        Assert.StartsWith("3.0.", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_rejects_running_an_http_function_and_unknown_names()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var client = host.Anonymous();

        var http = await client.PostAsJsonAsync(new Uri("/admin/functions/Health", UriKind.Relative), new { input = "" });
        var unknown = await client.PostAsJsonAsync(new Uri("/admin/functions/NoSuchFunction", UriKind.Relative), new { input = "" });

        Assert.Equal(HttpStatusCode.BadRequest, http.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    private static string StripConstraints(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{\*{0,2}([A-Za-z0-9_]+)(?::[^}]*)?\??\}", "{$1}");
}
