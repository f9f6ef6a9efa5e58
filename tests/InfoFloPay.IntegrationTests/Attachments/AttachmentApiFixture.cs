using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Attachments;

/// <summary>
/// The local host on its own Azurite (tables and blobs) with accounts acme (alice@acme.test) and globex
/// (bob@globex.test), and an attachment limit of <see cref="MaxBytes"/>: above one 4 MB upload block, so the tests
/// see a file streamed in several blocks and one cut off after its first block was sent.
/// </summary>
public sealed class AttachmentApiFixture : IAsyncLifetime
{
    public const string CustomerA = "alice@acme.test";
    public const string CustomerB = "bob@globex.test";
    public const long MaxBytes = 6 * 1024 * 1024;

    private readonly AzuriteFixture _azurite = new();

    public Infrastructure.LocalHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Host = await Infrastructure.LocalHost.StartAsync(_azurite, new Dictionary<string, string?>
        {
            ["Attachments:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        foreach (var (id, body) in new[]
                 {
                     ("acme", """{"name":"Acme","tier":"vip","emailDomains":["acme.test"],"members":[]}"""),
                     ("globex", """{"name":"Globex","tier":"essentials","emailDomains":[],"members":["bob@globex.test"]}"""),
                 })
        {
            using var response = await Host.Manager().PutAsync(new Uri($"/api/customers/{id}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    /// <summary>Opens a ticket as customer A and returns its id.</summary>
    public async Task<string> OpenTicketAsync()
    {
        using var response = await Host.As(CustomerA).PostAsync(new Uri("/api/tickets", UriKind.Relative),
            new StringContent("""{"subject":"Checkout fails","description":"500 on pay"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await Host.MessagesSettledAsync();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }
}

[CollectionDefinition(Name)]
public sealed class AttachmentApiCollectionDefinition : ICollectionFixture<AttachmentApiFixture>
{
    public const string Name = "Attachment API on the local host";
}
