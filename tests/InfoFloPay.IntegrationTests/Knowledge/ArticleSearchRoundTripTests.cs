using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Knowledge;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Knowledge;

/// <summary>What an article search costs in storage requests: one point read (the version row) while no article
/// changed, whatever the number of articles; a write on any instance makes the next search on every instance reload
/// the index once and find the change.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ArticleSearchRoundTripTests(AzuriteFixture azurite)
{
    private static readonly Caller Agent = new(CallerRole.Agent, "agent@infoflopay.com", "Agnes Agent", null);

    [Fact]
    public async Task A_search_costs_one_point_read_while_no_article_changed_however_many_articles_there_are()
    {
        var desk = await CountedKnowledgeBase.StartAsync(azurite);
        foreach (var n in Enumerable.Range(0, 40))
        {
            await desk.Articles.PutAsync($"article-{n:00}", new ArticleRequest($"Payout delay {n}", $"Settlement batch {n} runs nightly.", ["payouts"]), Agent, null, default);
        }

        desk.Counter.Reset();
        var first = await desk.Articles.SearchAsync("payout", default);
        var firstCost = desk.Counter.Reset();
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => desk.Articles.SearchAsync("settlement nightly", default)));
        var againCost = desk.Counter.Reset();
        var everything = await desk.Articles.SearchAsync(null, default);
        var everythingCost = desk.Counter.Reset();

        Assert.Equal(40, first.Count);
        Assert.Equal(2L, firstCost);
        Assert.All(again, page => Assert.Equal(40, page.Count));
        Assert.Equal(5L, againCost);
        Assert.Equal((40, 1L), (everything.Count, everythingCost));
    }

    [Fact]
    public async Task A_write_on_another_instance_is_found_by_the_next_search_after_one_reload()
    {
        var desk = await CountedKnowledgeBase.StartAsync(azurite);
        var other = desk.Instance();
        var refunds = await desk.Articles.PutAsync("refunds", new ArticleRequest("Refunds", "Money back within five days.", ["refunds"]), Agent, null, default);
        Assert.Single(await desk.Articles.SearchAsync("refund", default));
        Assert.Empty(await desk.Articles.SearchAsync("chargeback", default));

        await other.PutAsync("chargebacks", new ArticleRequest("Chargebacks", "Respond within seven days.", ["disputes"]), Agent, null, default);
        await other.PutAsync("refunds", new ArticleRequest("Refunds", "Money back; chargebacks are separate.", ["refunds"]), Agent, refunds.ETag, default);
        desk.Counter.Reset();
        var found = await desk.Articles.SearchAsync("chargeback", default);
        var reloadCost = desk.Counter.Reset();
        var foundAgain = await desk.Articles.SearchAsync("chargeback", default);
        var warmCost = desk.Counter.Reset();

        Assert.Equal(["chargebacks", "refunds"], found.Select(r => r.Slug));
        Assert.Equal([3, 1], found.Select(r => r.Score));
        Assert.Equal(2L, reloadCost);
        Assert.Equal(found.Select(r => r.Slug), foundAgain.Select(r => r.Slug));
        Assert.Equal(1L, warmCost);
    }
}
