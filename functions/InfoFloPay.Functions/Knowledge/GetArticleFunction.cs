using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Knowledge;

public sealed class GetArticleFunction(ApiEndpoint api, KnowledgeBase articles)
{
    [Function("GetArticle")]
    [OpenApiOperation("One article, with its sanitized HTML", Tag = "Knowledge base")]
    [OpenApiResponse(200, "The article", BodyType = typeof(ArticleResponse), Headers = [OpenApiHeaders.ETag])]
    [OpenApiProblems(401, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "articles/{slug}")] HttpRequest request,
        string slug,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async _ =>
        {
            var (article, etag) = await articles.GetAsync(slug, cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(ArticleResponse.From(article)).WithETag(etag);
        }, cancellationToken);
}
