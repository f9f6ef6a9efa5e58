using System.Net;

namespace InfoFloPay.IntegrationTests.TicketsApi;

/// <summary>Every route × anonymous, customer of account A (the ticket's owner), customer of account B, agent, manager.</summary>
[Collection(TicketApiCollectionDefinition.Name)]
public sealed class AuthorizationMatrixTests(TicketApiFixture api)
{
    public static TheoryData<string, string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, string, int>();
        void Route(string method, string path, string? body, int anonymous, int customerA, int customerB, int agent, int manager)
        {
            foreach (var (who, status) in new[] { ("anonymous", anonymous), ("customerA", customerA), ("customerB", customerB), ("agent", agent), ("manager", manager) })
            {
                data.Add($"{method} {path}", body ?? string.Empty, who, status);
            }
        }

        Route("POST", "/api/tickets", """{"subject":"Matrix","description":"x"}""", 401, 201, 201, 201, 201);
        Route("GET", "/api/tickets/{id}", null, 401, 200, 404, 200, 200);
        Route("GET", "/api/tickets", null, 401, 200, 200, 200, 200);
        Route("GET", "/api/tickets/{id}/events", null, 401, 200, 404, 200, 200);
        Route("POST", "/api/tickets/{id}/triage", """{"priority":"low","assignee":null}""", 401, 403, 404, 200, 200);
        Route("POST", "/api/tickets/{id}/replies", """{"body":"hello"}""", 401, 200, 404, 200, 200);
        Route("POST", "/api/tickets/{id}/replies", """{"body":"psst","internal":true}""", 401, 403, 404, 200, 200);
        Route("POST", "/api/tickets/{id}/status", """{"status":"pending"}""", 401, 403, 404, 200, 200);
        Route("GET", "/api/queue", null, 401, 403, 403, 200, 200);
        Route("PUT", "/api/customers/matrix-{who}", """{"name":"M","tier":"reserve","emailDomains":[],"members":[]}""", 401, 403, 403, 403, 201);
        Route("GET", "/api/customers/acme", null, 401, 403, 403, 200, 200);
        Route("GET", "/api/articles?q=payments", null, 401, 200, 200, 200, 200);
        Route("PUT", "/api/articles/matrix-{who}", """{"title":"Matrix","body":"# Hi","tags":[]}""", 401, 403, 403, 201, 201);
        Route("GET", "/api/articles/{article}", null, 401, 200, 200, 200, 200);
        Route("GET", "/api/me", null, 401, 200, 200, 200, 200);
        Route("GET", "/api/agents", null, 401, 403, 403, 200, 200);
        Route("PUT", "/api/agents/matrix-{who}@infoflopay.example", """{"name":"Matrix","skills":["billing"],"accounts":[]}""", 401, 403, 403, 403, 201);
        Route("POST", "/api/agents/ava.agent@infoflopay.example/availability", """{"availability":"available"}""", 401, 403, 403, 200, 200);
        Route("POST", "/api/agents/ben.agent@infoflopay.example/availability", """{"availability":"available"}""", 401, 403, 403, 403, 200);
        Route("GET", "/api/reports/sla?from=2026-11-01&to=2026-11-30", null, 401, 403, 403, 200, 200);
        Route("GET", "/api/monitoring/targets", null, 401, 403, 403, 200, 200);
        Route("GET", "/api/monitoring/maintenance", null, 401, 403, 403, 200, 200);
        Route("GET", "/api/webhooks", null, 401, 403, 403, 403, 200);
        Route("GET", "/api/status", null, 200, 200, 200, 200, 200);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_answers_each_caller_as_the_contract_says(string route, string body, string who, int expected)
    {
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
        if (path.Contains("{id}", StringComparison.Ordinal))
        {
            var id = await api.OpenTicketAsync();
            if (path.EndsWith("/status", StringComparison.Ordinal))
            {
                await api.TriageAsync(id);
            }

            path = path.Replace("{id}", id, StringComparison.Ordinal);
        }

        if (path.Contains("{article}", StringComparison.Ordinal))
        {
            using var put = await api.Client("agent").PutAsync(new Uri("/api/articles/matrix-read", UriKind.Relative), TicketApiFixture.Json("""{"title":"Read me","body":"text","tags":["x"]}"""));
            Assert.True(put.IsSuccessStatusCode);
            path = path.Replace("{article}", "matrix-read", StringComparison.Ordinal);
        }

        path = path.Replace("{who}", who.ToLowerInvariant(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body.Length > 0)
        {
            request.Content = TicketApiFixture.Json(body);
        }

        using var response = await api.Client(who).SendAsync(request);

        Assert.True(expected == (int)response.StatusCode, $"{route} as {who}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_customer_whose_email_no_account_lists_cannot_open_a_ticket()
    {
        using var response = await api.Client("stranger").PostAsync(new Uri("/api/tickets", UriKind.Relative), TicketApiFixture.Json("""{"subject":"Hi","description":"x"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_principal_is_unauthorized()
    {
        var client = api.Host.Anonymous();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", "not base64 json!");

        using var response = await client.GetAsync(new Uri("/api/tickets", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
