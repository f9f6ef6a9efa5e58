namespace InfoFloPay.Domain.Knowledge;

/// <summary>The token sets an article is searched by, per field.</summary>
public sealed record ArticleTokens(IReadOnlySet<string> Title, IReadOnlySet<string> Tags, IReadOnlySet<string> Body);

/// <summary>
/// Scores an article for a query: each query token found in the title counts 3, in the tags 2, in the body 1.
/// A token matches a word equal to it or, for tokens of 3+ characters, a word it begins ("login" finds "logins").
/// </summary>
public static class ArticleRanking
{
    public const int TitleWeight = 3;

    public const int TagWeight = 2;

    public const int BodyWeight = 1;

    public static int Score(IReadOnlySet<string> query, ArticleTokens article) =>
        query.Sum(token =>
            (Matches(token, article.Title) ? TitleWeight : 0)
            + (Matches(token, article.Tags) ? TagWeight : 0)
            + (Matches(token, article.Body) ? BodyWeight : 0));

    private static bool Matches(string token, IReadOnlySet<string> words) =>
        words.Contains(token) || (token.Length >= 3 && words.Any(w => w.StartsWith(token, StringComparison.Ordinal)));
}
