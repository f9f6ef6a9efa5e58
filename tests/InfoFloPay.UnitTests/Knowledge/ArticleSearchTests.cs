using InfoFloPay.Domain.Knowledge;

namespace InfoFloPay.UnitTests.Knowledge;

public sealed class ArticleSearchTests
{
    private static ArticleTokens Article(string title, string tags, string body) => new(SearchTokens.Of(title), SearchTokens.Of(tags), SearchTokens.Of(body));

    [Fact]
    public void Tokens_are_lower_case_without_accents_stop_words_or_single_letters()
    {
        Assert.Equal(["cafe", "declined", "payment"], SearchTokens.Of("Why is my CAFÉ payment a declined?").Order());
    }

    [Fact]
    public void A_title_match_outranks_a_tag_match_which_outranks_a_body_match()
    {
        var query = SearchTokens.Of("webhook");
        var inTitle = ArticleRanking.Score(query, Article("Webhook retries", "", ""));
        var inTags = ArticleRanking.Score(query, Article("Retries", "webhook", ""));
        var inBody = ArticleRanking.Score(query, Article("Retries", "", "your webhook endpoint"));
        var nowhere = ArticleRanking.Score(query, Article("Cards", "cards", "declines"));

        Assert.Equal((3, 2, 1, 0), (inTitle, inTags, inBody, nowhere));
    }

    [Fact]
    public void Each_query_word_adds_its_weights_and_prefixes_of_three_letters_match()
    {
        var article = Article("Card payments declined", "payments cards", "Ask the bank.");

        Assert.Equal(3 + 2 + 3 + 2, ArticleRanking.Score(SearchTokens.Of("card payment"), article));
        Assert.Equal(0, ArticleRanking.Score(SearchTokens.Of("ca"), article));
    }
}
