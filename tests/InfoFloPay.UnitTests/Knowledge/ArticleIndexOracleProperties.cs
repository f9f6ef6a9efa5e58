using FsCheck.Xunit;
using InfoFloPay.Domain.Knowledge;
using InfoFloPay.Functions.Knowledge;

namespace InfoFloPay.UnitTests.Knowledge;

/// <summary>The in-memory index answers exactly what the full scan ranked before it (kept here as the oracle): same
/// articles, same scores, same order, same cut at the result limit, on random articles and queries from a small
/// vocabulary full of shared prefixes, short words, accents, case and duplicate titles.</summary>
[Properties(MaxTest = 300)]
public class ArticleIndexOracleProperties
{
    private static readonly string[] Vocabulary =
    [
        "pay", "payout", "payouts", "payment", "Payments", "card", "cards", "carded", "ca", "re", "ref", "refund", "refunds",
        "Déclined", "declined", "decline", "café", "CAFE", "webhook", "webhooks", "web", "login", "logins", "log", "the", "and",
        "x", "3ds", "3d", "iban", "ibans", "sepa", "se", "chargeback", "charge", "charges", "KYC", "kyc-check", "api", "apis",
    ];

    [Property]
    public void The_index_ranks_like_the_full_scan(int seed)
    {
        var random = new Random(seed);
        var articles = Enumerable.Range(0, random.Next(0, 80))
            .Select(n => RandomArticle(random, n))
            .OrderBy(a => a.Summary.Slug, StringComparer.Ordinal)
            .ToList();
        var index = new ArticleIndex(articles);

        foreach (var _ in Enumerable.Range(0, 5))
        {
            var query = SearchTokens.Of(Words(random, random.Next(0, 5)));
            var expected = FullScan(articles, query, KnowledgeBase.MaxResults);
            var actual = index.Search(query, KnowledgeBase.MaxResults);

            Assert.Equal(Describe(expected), Describe(actual));
        }
    }

    [Fact]
    public void A_prefix_finds_every_word_it_begins_once_per_field_and_a_two_letter_word_only_itself()
    {
        var index = new ArticleIndex([
            (Summary("cards"), Tokens("Cards and carded cardholders", "", "card")),
            (Summary("ca"), Tokens("CA", "", "")),
        ]);

        Assert.Equal([("cards", 3 + 1)], index.Search(SearchTokens.Of("card"), 50).Select(r => (r.Slug, r.Score)));
        Assert.Equal([("ca", 3)], index.Search(SearchTokens.Of("ca"), 50).Select(r => (r.Slug, r.Score)));
    }

    /// <summary>The ranking as it was before the index: score every article, drop the unmatched, order, cut.</summary>
    private static List<ArticleSearchResult> FullScan(IReadOnlyList<(ArticleSummary Summary, ArticleTokens Tokens)> articles, IReadOnlySet<string> words, int take) =>
        articles
            .Select(a => new ArticleSearchResult(a.Summary.Slug, a.Summary.Title, a.Summary.Tags, a.Summary.UpdatedAt, words.Count == 0 ? 0 : ArticleRanking.Score(words, a.Tokens)))
            .Where(r => words.Count == 0 || r.Score > 0)
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Title, StringComparer.OrdinalIgnoreCase)
            .Take(take)
            .ToList();

    private static List<string> Describe(IEnumerable<ArticleSearchResult> results) => [.. results.Select(r => $"{r.Slug} {r.Score} {r.Title}")];

    private static (ArticleSummary Summary, ArticleTokens Tokens) RandomArticle(Random random, int n)
    {
        // Few distinct titles, so ties on score and title (in any case) are common and their order is tested too.
        var title = random.Next(3) == 0 ? (random.Next(2) == 0 ? "Payouts" : "PAYOUTS") : Words(random, random.Next(1, 4));
        var tags = Words(random, random.Next(0, 3));
        var body = Words(random, random.Next(0, 12));
        return (new ArticleSummary($"a{n:000}-{random.Next(1000)}", title, [.. SearchTokens.Of(tags)], DateTimeOffset.UnixEpoch), Tokens(title, tags, body));
    }

    private static string Words(Random random, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    private static ArticleSummary Summary(string slug) => new(slug, slug, [], DateTimeOffset.UnixEpoch);

    private static ArticleTokens Tokens(string title, string tags, string body) => new(SearchTokens.Of(title), SearchTokens.Of(tags), SearchTokens.Of(body));
}
