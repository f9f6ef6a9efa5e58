using System.Net;
using InfoFloPay.Functions.Console;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Console;

/// <summary>The console's files as the Function App serves them, through the local host.</summary>
public sealed class ConsoleAssetTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Serves_the_page_and_every_module_with_its_type_and_the_pages_security_headers()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        using var client = host.Anonymous();

        var page = await client.GetAsync(new Uri("/api/console/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=\"main.mjs\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        Assert.Equal(Functions.Web.EmbeddedSiteResult.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        // Every file in Console/wwwroot is served (a module missing from the allow-list would break the page).
        var folder = Path.Combine(RepositoryRoot.Path, "functions", "InfoFloPay.Functions", "Console", "wwwroot");
        foreach (var file in Directory.GetFiles(folder).Select(Path.GetFileName))
        {
            var response = await client.GetAsync(new Uri($"/api/console/{file}", UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {response.StatusCode}");
            var expected = file!.EndsWith(".mjs", StringComparison.Ordinal) ? "text/javascript" : file.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/html";
            Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(Directory.GetFiles(folder).Length, new ConsoleAssets().Names.Count);
    }

    [Fact]
    public async Task Anything_else_under_the_console_is_a_404()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        using var client = host.Anonymous();

        foreach (var path in new[] { "/api/console/app.js", "/api/console/InfoFloPay.Functions.dll", "/api/console/sub/main.mjs", "/api/console/MAIN.MJS", "/api/console/package.json" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_console_without_a_trailing_slash_redirects_so_its_modules_resolve()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);

        var response = await host.Anonymous().GetAsync(new Uri("/api/console", UriKind.Relative));

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/api/console/", response.Headers.Location?.OriginalString);
    }
}
