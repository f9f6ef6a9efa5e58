using System.Net;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Portal;

/// <summary>The portal's files as the Function App serves them, through the local host.</summary>
public sealed class PortalAssetTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("/api/portal/", "text/html", "<h1 id=\"tickets-title\">My tickets</h1>")]
    [InlineData("/api/portal/index.html", "text/html", "<script src=\"app.js\" defer></script>")]
    [InlineData("/api/portal/app.js", "text/javascript", "X-MS-CLIENT-PRINCIPAL")]
    [InlineData("/api/portal/app.css", "text/css", ".ticket-list")]
    [InlineData("/api/portal/status", "text/html", "<script src=\"status.js\" defer></script>")]
    [InlineData("/api/portal/status.js", "text/javascript", "/status")]
    [InlineData("/api/portal/status.css", "text/css", ".service-list")]
    public async Task Serves_each_file_with_its_content_type_and_the_security_headers(string path, string mediaType, string excerpt)
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);

        var response = await host.Anonymous().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains(excerpt, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_policy_allows_scripts_from_the_site_only_and_the_page_has_no_inline_script()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);

        var response = await host.Anonymous().GetAsync(new Uri("/api/portal/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var policy = Directives(response);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-inline", policy.Values);
        Assert.DoesNotContain("unsafe-eval", policy.Values);

        // Every <script> names a file; none carries code, and no element has an inline event handler.
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, @"<script\b([^>]*)>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, script =>
        {
            Assert.Contains("src=", script.Groups[1].Value, StringComparison.Ordinal);
            Assert.Empty(script.Groups[2].Value.Trim());
        });
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
    }

    [Fact]
    public async Task The_portal_without_a_trailing_slash_redirects_so_relative_links_resolve()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);

        var response = await host.Anonymous().GetAsync(new Uri("/api/portal", UriKind.Relative));

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("/api/portal/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/api/portal/missing.js")]
    [InlineData("/api/portal/APP.JS")]
    [InlineData("/api/portal/wwwroot/app.js")]
    [InlineData("/api/portal/../host.json")]
    [InlineData("/api/portal/%2e%2e/host.json")]
    [InlineData("/api/portal/..%2fhost.json")]
    [InlineData("/api/portal/%2e%2e%2f%2e%2e%2fInfoFloPay.Functions.dll")]
    [InlineData("/api/portal/..%5c..%5cappsettings.json")]
    [InlineData("/api/portal/app.js/")]
    [InlineData("/api/portal/?path=../host.json")]
    [InlineData("/api/portal/?path=%2Fetc%2Fpasswd")]
    public async Task Anything_but_the_three_files_is_not_found(string path)
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));

        var response = await host.Anonymous().SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        // A "?path=" query binds like the route value (as in Azure, where query values join the binding data), so it
        // meets the same list of three names.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("\"extensions\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("routePrefix", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeat_request_with_the_etag_is_not_modified()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var client = host.Anonymous();
        var first = await client.GetAsync(new Uri("/api/portal/app.js", UriKind.Relative));

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/portal/app.js", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("'self'", Directives(response)["default-src"]);
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"))
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "", StringComparer.Ordinal);
}
