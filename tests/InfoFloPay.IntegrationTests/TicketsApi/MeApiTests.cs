using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace InfoFloPay.IntegrationTests.TicketsApi;

/// <summary>GET /api/me through the local host: who the portal says is signed in.</summary>
[Collection(TicketApiCollectionDefinition.Name)]
public sealed class MeApiTests(TicketApiFixture api)
{
    private static readonly Uri Me = new("/api/me", UriKind.Relative);

    [Fact]
    public async Task Without_a_principal_it_is_a_401_problem()
    {
        using var response = await api.Client("anonymous").GetAsync(Me);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(401, problem!["status"]!.GetValue<int>());
        Assert.Equal("Unauthorized", problem["title"]!.GetValue<string>());
        Assert.Contains("Sign in", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_customer_of_an_account_by_domain_gets_the_account_id_and_name()
    {
        var me = await GetMeAsync("customerA");

        Assert.Equal(TicketApiFixture.CustomerA, me["email"]!.GetValue<string>());
        Assert.Equal("alice", me["name"]!.GetValue<string>());
        Assert.Equal("customer", me["role"]!.GetValue<string>());
        Assert.Equal("acme", me["customerId"]!.GetValue<string>());
        Assert.Equal("Acme", me["customerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_customer_listed_as_a_member_gets_that_account()
    {
        var me = await GetMeAsync("customerB");

        Assert.Equal("customer", me["role"]!.GetValue<string>());
        Assert.Equal("globex", me["customerId"]!.GetValue<string>());
        Assert.Equal("Globex", me["customerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_customer_whose_email_no_account_lists_is_signed_in_without_an_account()
    {
        var me = await GetMeAsync("stranger");

        Assert.Equal(TicketApiFixture.Stranger, me["email"]!.GetValue<string>());
        Assert.Equal("customer", me["role"]!.GetValue<string>());
        Assert.False(me.ContainsKey("customerId"), me.ToJsonString());
        Assert.False(me.ContainsKey("customerName"), me.ToJsonString());
    }

    [Theory]
    [InlineData("agent", "ava.agent@infoflopay.example", "agent")]
    [InlineData("manager", "olivia.ops@infoflopay.example", "manager")]
    public async Task Staff_get_their_role_and_no_account(string who, string email, string role)
    {
        var me = await GetMeAsync(who);

        Assert.Equal(email, me["email"]!.GetValue<string>());
        Assert.Equal(role, me["role"]!.GetValue<string>());
        Assert.False(me.ContainsKey("customerId"), me.ToJsonString());
        Assert.False(me.ContainsKey("customerName"), me.ToJsonString());
    }

    [Fact]
    public async Task The_name_is_the_display_name_entra_sends_and_the_email_its_preferred_username()
    {
        // As Entra ID's principal arrives: long-form name_typ/role_typ, a display name, mixed-case email.
        var principal = """
            {"auth_typ":"aad","claims":[
              {"typ":"name","val":"Alice Example"},
              {"typ":"preferred_username","val":"Alice@Acme.test"},
              {"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"5f0c3a52-0000-0000-0000-000000000001"}],
             "name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
             "role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role"}
            """;
        var client = api.Host.Anonymous();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)));

        var me = await client.GetFromJsonAsync<JsonObject>(Me);

        Assert.Equal("Alice Example", me!["name"]!.GetValue<string>());
        Assert.Equal("alice@acme.test", me["email"]!.GetValue<string>());
        Assert.Equal("Acme", me["customerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_describes_me_with_its_body_and_the_401()
    {
        var document = await api.Client("anonymous").GetFromJsonAsync<JsonObject>(new Uri("/api/openapi.json", UriKind.Relative));

        var operation = document!["paths"]!["/api/me"]!["get"]!;
        // Bodies and enums are named components ($ref "#/components/schemas/Name").
        JsonNode Resolve(JsonNode schema) =>
            schema["$ref"] is { } reference ? document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]! : schema;
        var properties = Resolve(operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!)["properties"]!.AsObject();
        Assert.Equal(["email", "name", "role", "customerId", "customerName"], properties.Select(p => p.Key));
        Assert.Equal(["customer", "agent", "manager"], Resolve(properties["role"]!)["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.NotNull(operation["responses"]!["401"]!["content"]!["application/problem+json"]);
        Assert.NotNull(operation["security"]);
    }

    private async Task<JsonObject> GetMeAsync(string who)
    {
        using var response = await api.Client(who).GetAsync(Me);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
