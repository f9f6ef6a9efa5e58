using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.TicketsApi;

/// <summary>The ticket JSON as API.md writes it: unset fields are present as null, instants are UTC with a Z.</summary>
public sealed class TicketJsonShapeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_new_ticket_shows_its_unset_fields_as_null_and_its_times_in_utc()
    {
        await using var host = await Infrastructure.LocalHost.StartAsync(azurite);
        var account = await host.Manager().PutAsJsonAsync(new Uri("/api/customers/contoso", UriKind.Relative),
            new { name = "Contoso Retail", tier = "reserve", emailDomains = new[] { "contoso.com" }, members = Array.Empty<string>() });
        Assert.True(account.IsSuccessStatusCode, await account.Content.ReadAsStringAsync());

        var created = await host.As("carol@contoso.com").PostAsJsonAsync(new Uri("/api/tickets", UriKind.Relative),
            new { subject = "Refund stuck", description = "Refund R-77 has been pending for 3 days." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticket = (await created.Content.ReadFromJsonAsync<JsonObject>())!;

        foreach (var field in new[] { "assignee", "firstRespondedAt", "resolvedAt", "closedAt" })
        {
            Assert.True(ticket.ContainsKey(field), $"'{field}' is missing");
            Assert.Null(ticket[field]);
        }

        Assert.Equal("2026-11-24T14:00:00Z", ticket["createdAt"]!.GetValue<string>());
        Assert.EndsWith("Z", ticket["sla"]!["firstResponseDueAt"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
