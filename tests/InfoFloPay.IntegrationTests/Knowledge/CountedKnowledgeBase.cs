using Azure.Core;
using Azure.Data.Tables;
using InfoFloPay.Functions.Knowledge;
using InfoFloPay.Functions.Storage;
using InfoFloPay.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace InfoFloPay.IntegrationTests.Knowledge;

/// <summary>The knowledge base on a fresh Azurite table through a client that counts requests; the table already
/// exists, so its creation is not counted. <see cref="Instance"/> is one more app instance on the same table.</summary>
internal sealed class CountedKnowledgeBase
{
    private readonly EnsuredTable _table;

    private CountedKnowledgeBase(EnsuredTable table, StorageRoundTripCounter counter)
    {
        _table = table;
        Counter = counter;
        Store = new ArticleStore(table);
        Articles = Instance();
    }

    public StorageRoundTripCounter Counter { get; }

    public ArticleStore Store { get; }

    public KnowledgeBase Articles { get; }

    public static async Task<CountedKnowledgeBase> StartAsync(AzuriteFixture azurite)
    {
        var counter = new StorageRoundTripCounter();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var table = new EnsuredTable(new TableServiceClient(azurite.ConnectionString, options).GetTableClient("kb" + Guid.NewGuid().ToString("N")[..12]));
        await table.GetAsync();
        counter.Reset();
        return new CountedKnowledgeBase(table, counter);
    }

    /// <summary>A knowledge base of its own (its own search index in memory) on the same table, like another instance.</summary>
    public KnowledgeBase Instance()
    {
        var store = new ArticleStore(_table);
        return new KnowledgeBase(store, new ArticleSearch(store), new MarkdownRenderer(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero)));
    }
}
