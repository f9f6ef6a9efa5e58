using InfoFloPay.Domain.Knowledge;

namespace InfoFloPay.Functions.Knowledge;

public sealed record ArticleResponse(string Slug, string Title, string Body, string Html, IReadOnlyList<string> Tags, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static ArticleResponse From(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Slug, article.Title, article.Body, article.Html, article.Tags, article.UpdatedAt, article.UpdatedBy);
    }
}
