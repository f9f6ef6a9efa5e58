using Azure;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Knowledge;

namespace InfoFloPay.Functions.Knowledge;

/// <summary>Troubleshooting articles: staff write markdown, everyone signed in reads sanitized HTML and searches.</summary>
public sealed class KnowledgeBase(ArticleStore store, ArticleSearch search, MarkdownRenderer renderer, TimeProvider clock)
{
    /// <summary>Rendered HTML must fit one table property (32K UTF-16 characters).</summary>
    public const int HtmlMaxLength = 32 * 1024;

    public const int MaxResults = 50;

    public async Task<(Article Article, ETag ETag, bool Created)> PutAsync(string slug, ArticleRequest request, Caller caller, ETag? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsStaff)
        {
            throw RequestRejectedException.Forbidden("Only support staff write knowledge base articles.");
        }

        var (title, body, tags) = ArticleRules.Validate(slug, request);
        var html = renderer.ToSafeHtml(body);
        if (html.Length > HtmlMaxLength)
        {
            var errors = new ValidationErrors();
            errors.Add("body", "The article renders to more HTML than one article may hold; split it.");
            errors.ThrowIfAny();
        }

        var article = new Article(slug, title, body, html, tags, clock.GetUtcNow(), caller.Email);
        var tokens = new ArticleTokens(SearchTokens.Of(title), SearchTokens.Of(string.Join(' ', tags)), SearchTokens.Of(body));
        var (etag, created) = await store.PutAsync(article, tokens, ifMatch, cancellationToken).ConfigureAwait(false);
        return (article, etag, created);
    }

    public async Task<(Article Article, ETag ETag)> GetAsync(string slug, CancellationToken cancellationToken) =>
        (ArticleRules.IsSlug(slug) ? await store.FindAsync(slug, cancellationToken).ConfigureAwait(false) : null)
        ?? throw RequestRejectedException.NotFound($"Article {slug}");

    /// <summary>Articles matching <paramref name="query"/>, best first (title 3, tags 2, body 1 per query word);
    /// without a query, every article by title. Served from the in-memory index: one point read while no article changed.</summary>
    public async Task<IReadOnlyList<ArticleSearchResult>> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        var index = await search.IndexAsync(cancellationToken).ConfigureAwait(false);
        return index.Search(SearchTokens.Of(query), MaxResults);
    }
}

public sealed record ArticleSearchPage(IReadOnlyList<ArticleSearchResult> Items);

public sealed record ArticleSearchResult(string Slug, string Title, IReadOnlyList<string> Tags, DateTimeOffset UpdatedAt, int Score);
