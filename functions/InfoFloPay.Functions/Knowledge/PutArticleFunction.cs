using InfoFloPay.Domain.Knowledge;
using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Knowledge;

public sealed class PutArticleFunction(ApiEndpoint api, KnowledgeBase articles)
{
    [Function("PutArticle")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "articles/{slug}")] HttpRequest request,
        string slug,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var body = await JsonRequestBody.ReadAsync<ArticleRequest>(request, cancellationToken).ConfigureAwait(false);
            var (article, etag, created) = await articles.PutAsync(slug, body, caller, EntityTags.IfMatch(request), cancellationToken).ConfigureAwait(false);
            return new ApiResult(created ? StatusCodes.Status201Created : StatusCodes.Status200OK, ArticleResponse.From(article))
                .WithETag(etag)
                .WithHeader("Location", created ? $"/api/articles/{slug}" : null);
        }, cancellationToken);
}
