using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace InfoFloPay.IntegrationTests.TicketsApi;

[Collection(TicketApiCollectionDefinition.Name)]
public sealed class KnowledgeAndCustomersApiTests(TicketApiFixture api)
{
    private static Uri Url(string path) => new(path, UriKind.Relative);

    private async Task PutArticleAsync(string slug, string title, string[] tags, string body)
    {
        var json = new JsonObject { ["title"] = title, ["body"] = body, ["tags"] = new JsonArray([.. tags.Select(t => JsonValue.Create(t))]) };
        using var response = await api.Client("agent").PutAsync(Url($"/api/articles/{slug}"), TicketApiFixture.Json(json.ToJsonString()));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Search_ranks_title_matches_over_tag_matches_over_body_matches()
    {
        await PutArticleAsync("rank-body", "Reading settlement files", ["reports"], "A refund appears the next day.");
        await PutArticleAsync("rank-tags", "Money back to a cardholder", ["refund", "cards"], "Use the dashboard.");
        await PutArticleAsync("rank-title", "How a refund works", ["payments"], "Steps.");

        var found = await api.Client("customerB").GetFromJsonAsync<JsonObject>(Url("/api/articles?q=Refund"));

        var slugs = found!["items"]!.AsArray().Select(a => a!["slug"]!.GetValue<string>()).Where(s => s.StartsWith("rank-", StringComparison.Ordinal));
        Assert.Equal(["rank-title", "rank-tags", "rank-body"], slugs);
    }

    [Fact]
    public async Task Articles_are_served_as_sanitized_html()
    {
        await PutArticleAsync("xss-check", "Embedding the checkout", ["checkout"],
            "# Embed\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1)) and <img src=x onerror=alert(2)> **bold**");

        using var response = await api.Client("customerA").GetAsync(Url("/api/articles/xss-check"));
        var article = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var html = article["html"]!.GetValue<string>();

        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_article_is_404_and_a_bad_slug_or_empty_body_is_400()
    {
        using var missing = await api.Client("agent").GetAsync(Url("/api/articles/no-such-article"));
        using var badSlug = await api.Client("agent").PutAsync(Url("/api/articles/Bad_Slug"), TicketApiFixture.Json("""{"title":"T","body":"b","tags":[]}"""));
        using var noBody = await api.Client("agent").PutAsync(Url("/api/articles/empty-body"), TicketApiFixture.Json("""{"title":"T","body":"","tags":[]}"""));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSlug.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        using var stillMissing = await api.Client("agent").GetAsync(Url("/api/articles/empty-body"));
        Assert.Equal(HttpStatusCode.NotFound, stillMissing.StatusCode);
    }

    [Fact]
    public async Task An_article_put_is_201_with_location_when_new_200_when_replaced_and_412_when_if_match_is_stale()
    {
        var slug = "put-answers-" + Guid.NewGuid().ToString("N")[..8];
        using var created = await api.Client("agent").PutAsync(Url($"/api/articles/{slug}"), TicketApiFixture.Json("""{"title":"First","body":"One.","tags":[]}"""));
        using var replaced = await api.Client("agent").PutAsync(Url($"/api/articles/{slug}"), TicketApiFixture.Json("""{"title":"Second","body":"Two.","tags":[]}"""));
        using var stale = new HttpRequestMessage(HttpMethod.Put, Url($"/api/articles/{slug}")) { Content = TicketApiFixture.Json("""{"title":"Third","body":"Three.","tags":[]}""") };
        stale.Headers.TryAddWithoutValidation("If-Match", created.Headers.ETag!.ToString());
        using var refused = await api.Client("agent").SendAsync(stale);
        using var read = await api.Client("customerA").GetAsync(Url($"/api/articles/{slug}"));

        Assert.Equal((HttpStatusCode.Created, $"/api/articles/{slug}"), (created.StatusCode, created.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.OK, null), (replaced.StatusCode, replaced.Headers.Location));
        Assert.Equal((HttpStatusCode.PreconditionFailed, "application/problem+json"), (refused.StatusCode, refused.Content.Headers.ContentType?.MediaType));
        Assert.Equal(replaced.Headers.ETag, read.Headers.ETag);
        Assert.Equal("Second", (await read.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_registered_member_or_domain_binds_users_to_the_account_and_cannot_be_claimed_twice()
    {
        using var created = await api.Client("manager").PutAsync(Url("/api/customers/initech"),
            TicketApiFixture.Json("""{"name":"Initech","tier":"reserve","emailDomains":["initech.test"],"members":["peter@contractor.test"]}"""));
        using var claimed = await api.Client("manager").PutAsync(Url("/api/customers/initrode"),
            TicketApiFixture.Json("""{"name":"Initrode","tier":"reserve","emailDomains":["initech.test"],"members":[]}"""));
        using var byMember = await api.Host.As("peter@contractor.test").PostAsync(Url("/api/tickets"), TicketApiFixture.Json("""{"subject":"TPS","description":"x"}"""));
        using var byDomain = await api.Host.As("bill@initech.test").PostAsync(Url("/api/tickets"), TicketApiFixture.Json("""{"subject":"TPS","description":"x"}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, claimed.StatusCode);
        Assert.NotNull((await claimed.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["emailDomains"]);
        Assert.Equal("initech", (await byMember.Content.ReadFromJsonAsync<JsonObject>())!["customerId"]!.GetValue<string>());
        Assert.Equal("initech", (await byDomain.Content.ReadFromJsonAsync<JsonObject>())!["customerId"]!.GetValue<string>());
        using var initrode = await api.Client("agent").GetAsync(Url("/api/customers/initrode"));
        Assert.Equal(HttpStatusCode.NotFound, initrode.StatusCode);
    }

    [Fact]
    public async Task A_customer_update_with_a_stale_if_match_is_412_and_removes_nothing()
    {
        using var first = await api.Client("manager").PutAsync(Url("/api/customers/umbrella"),
            TicketApiFixture.Json("""{"name":"Umbrella","tier":"essentials","emailDomains":["umbrella.test"],"members":[]}"""));
        var etag = first.Headers.ETag!.ToString();
        using var second = await api.Client("manager").PutAsync(Url("/api/customers/umbrella"),
            TicketApiFixture.Json("""{"name":"Umbrella Corp","tier":"vip","emailDomains":["umbrella.test"],"members":[]}"""));
        using var stale = new HttpRequestMessage(HttpMethod.Put, Url("/api/customers/umbrella"))
        {
            Content = TicketApiFixture.Json("""{"name":"Umbrella","tier":"essentials","emailDomains":[],"members":[]}"""),
        };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);

        using var response = await api.Client("manager").SendAsync(stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var account = await api.Client("agent").GetFromJsonAsync<JsonObject>(Url("/api/customers/umbrella"));
        Assert.Equal(("vip", "umbrella.test"), (account!["tier"]!.GetValue<string>(), account["emailDomains"]![0]!.GetValue<string>()));
    }
}
