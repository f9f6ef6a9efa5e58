using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.TicketsApi;

namespace InfoFloPay.IntegrationTests.TrustBoundary;

/// <summary>Tampered or garbled principal headers over HTTP: 401 problem, never a 500 and never a borrowed identity.</summary>
[Collection(TicketApiCollectionDefinition.Name)]
public sealed class PrincipalHeaderTests(TicketApiFixture api)
{
    [Theory]
    [InlineData("""{"claims":[null]}""")]
    [InlineData("""{"claims":[{"typ":null,"val":null}]}""")]
    [InlineData("""{"claims":[{"typ":"preferred_username","val":{"a":1}}]}""")]
    [InlineData("""{"auth_typ":"aad","claims":[{"typ":"preferred_username","val":"eve@evil.com@acme.test"}],"role_typ":"roles"}""")]
    public async Task A_malformed_principal_is_401_problem_on_every_kind_of_route(string json)
    {
        foreach (var (method, path) in new[] { ("GET", "/api/me"), ("GET", "/api/tickets"), ("GET", "/api/queue"), ("POST", "/api/tickets") })
        {
            using var client = api.Host.Anonymous();
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));
            if (method == "POST")
            {
                request.Content = TicketApiFixture.Json("""{"subject":"Spoofed","description":"x"}""");
            }

            using var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_principal_declaring_role_typ_name_with_the_name_support_agent_stays_a_customer()
    {
        const string json = """
            {"auth_typ":"aad","claims":[{"typ":"preferred_username","val":"eve@acme.test"},{"typ":"name","val":"Support.Agent"}],
             "name_typ":"name","role_typ":"name"}
            """;
        using var client = api.Host.Anonymous();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));

        using var me = await client.GetAsync(new Uri("/api/me", UriKind.Relative));
        using var queue = await client.GetAsync(new Uri("/api/queue", UriKind.Relative));

        Assert.Equal("customer", JsonNode.Parse(await me.Content.ReadAsStringAsync())!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
    }
}
