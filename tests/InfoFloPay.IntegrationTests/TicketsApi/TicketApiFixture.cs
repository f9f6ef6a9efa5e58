using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.TicketsApi;

/// <summary>
/// The local host on its own Azurite with two registered accounts: acme (by domain acme.test) and globex (member
/// bob@globex.test). Tests create their own tickets, so they share one host.
/// </summary>
public sealed class TicketApiFixture : IAsyncLifetime
{
    public const string CustomerA = "alice@acme.test";
    public const string CustomerB = "bob@globex.test";
    public const string Stranger = "eve@nowhere.test";

    private readonly AzuriteFixture _azurite = new();

    public Infrastructure.LocalHost Host { get; private set; } = null!;

    public AzuriteFixture Azurite => _azurite;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Host = await Infrastructure.LocalHost.StartAsync(_azurite);
        foreach (var (id, body) in new[]
                 {
                     ("acme", """{"name":"Acme","tier":"vip","emailDomains":["acme.test"],"members":[]}"""),
                     ("globex", """{"name":"Globex","tier":"essentials","emailDomains":[],"members":["bob@globex.test"]}"""),
                 })
        {
            using var response = await Host.Manager().PutAsync(new Uri($"/api/customers/{id}", UriKind.Relative), Json(body));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    public HttpClient Client(string who) => who switch
    {
        "anonymous" => Host.Anonymous(),
        "customerA" => Host.As(CustomerA),
        "customerB" => Host.As(CustomerB),
        "stranger" => Host.As(Stranger),
        "agent" => Host.Agent(),
        "manager" => Host.Manager(),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who),
    };

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Opens a ticket as customer A and returns its id.</summary>
    public async Task<string> OpenTicketAsync(string subject = "Checkout fails")
    {
        using var response = await Client("customerA").PostAsync(new Uri("/api/tickets", UriKind.Relative), Json($$"""{"subject":"{{subject}}","description":"500 on pay"}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // Routing writes its suggestion on the new ticket a moment later; a test reading the ETag before that would race it.
        await Host.MessagesSettledAsync();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public async Task TriageAsync(string id, string priority = "high")
    {
        using var response = await Client("agent").PostAsync(new Uri($"/api/tickets/{id}/triage", UriKind.Relative), Json($$"""{"priority":"{{priority}}","assignee":"ava.agent@infoflopay.example"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

[CollectionDefinition(Name)]
public sealed class TicketApiCollectionDefinition : ICollectionFixture<TicketApiFixture>
{
    public const string Name = "Ticket API on the local host";
}
