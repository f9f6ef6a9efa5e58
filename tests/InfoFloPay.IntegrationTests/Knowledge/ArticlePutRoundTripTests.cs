using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Knowledge;
using InfoFloPay.Functions.Knowledge;
using InfoFloPay.Functions.Storage;
using InfoFloPay.IntegrationTests.Infrastructure;

namespace InfoFloPay.IntegrationTests.Knowledge;

/// <summary>What an article PUT costs in storage requests, and that it still answers as documented: created (201) or
/// replaced (200), with the stored ETag; a stale or dangling If-Match is refused (412) and writes nothing.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ArticlePutRoundTripTests(AzuriteFixture azurite)
{
    private static readonly Caller Agent = new(CallerRole.Agent, "agent@infoflopay.com", "Agnes Agent", null);

    private StorageRoundTripCounter _counter = new();

    [Fact]
    public async Task A_new_article_costs_one_round_trip_and_a_replace_without_if_match_two()
    {
        var (articles, store) = await KnowledgeBaseAsync();

        var created = await articles.PutAsync("refunds", Request("Refunds", "Money back."), Agent, null, default);
        var createCost = _counter.Reset();
        var replaced = await articles.PutAsync("refunds", Request("Refunds, revised", "Money back next day."), Agent, null, default);
        var replaceCost = _counter.Reset();

        Assert.Equal((true, 1L), (created.Created, createCost));
        Assert.Equal((false, 2L), (replaced.Created, replaceCost));
        var (stored, etag) = (await store.FindAsync("refunds", default))!.Value;
        Assert.Equal(("Refunds, revised", replaced.ETag), (stored.Title, etag));
        Assert.NotEqual(created.ETag, replaced.ETag);
    }

    [Fact]
    public async Task A_replace_with_if_match_costs_one_round_trip_and_a_stale_or_dangling_one_is_refused_in_one()
    {
        var (articles, store) = await KnowledgeBaseAsync();
        var first = await articles.PutAsync("chargebacks", Request("Chargebacks", "Respond within 7 days."), Agent, null, default);
        _counter.Reset();

        var replaced = await articles.PutAsync("chargebacks", Request("Chargebacks", "Respond within 5 days."), Agent, first.ETag, default);
        var replaceCost = _counter.Reset();
        var stale = await Assert.ThrowsAsync<RequestRejectedException>(() =>
            articles.PutAsync("chargebacks", Request("Chargebacks", "Never mind."), Agent, first.ETag, default));
        var staleCost = _counter.Reset();
        var dangling = await Assert.ThrowsAsync<RequestRejectedException>(() =>
            articles.PutAsync("no-such-article", Request("Nothing", "Here."), Agent, first.ETag, default));
        var danglingCost = _counter.Reset();

        Assert.Equal((false, 1L), (replaced.Created, replaceCost));
        Assert.Equal((Rejection.Stale, 1L), (stale.Kind, staleCost));
        Assert.Equal((Rejection.Stale, 1L), (dangling.Kind, danglingCost));
        var (stored, etag) = (await store.FindAsync("chargebacks", default))!.Value;
        Assert.Equal(("Respond within 5 days.", replaced.ETag), (stored.Body, etag));
        Assert.Null(await store.FindAsync("no-such-article", default));
    }

    [Fact]
    public async Task Of_concurrent_first_writes_of_one_article_exactly_one_is_the_create()
    {
        var (articles, store) = await KnowledgeBaseAsync();

        var puts = await Task.WhenAll(Enumerable.Range(0, 6).Select(n =>
            articles.PutAsync("payouts", Request("Payouts", $"Version {n}."), Agent, null, default)));

        Assert.Single(puts, put => put.Created);
        var (_, etag) = (await store.FindAsync("payouts", default))!.Value;
        Assert.Contains(etag, puts.Select(put => put.ETag));
    }

    private static ArticleRequest Request(string title, string body) => new(title, body, ["payments"]);

    private async Task<(KnowledgeBase Articles, ArticleStore Store)> KnowledgeBaseAsync()
    {
        var desk = await CountedKnowledgeBase.StartAsync(azurite);
        _counter = desk.Counter;
        return (desk.Articles, desk.Store);
    }
}
