using Azure.Data.Tables;

namespace InfoFloPay.IntegrationTests.Infrastructure;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Started_azurite_stores_and_returns_an_entity()
    {
        var table = azurite.CreateServiceClient().GetTableClient("fixturecheck");
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Value"] = "stored" });

        var read = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal("stored", read.Value.GetString("Value"));
    }
}
