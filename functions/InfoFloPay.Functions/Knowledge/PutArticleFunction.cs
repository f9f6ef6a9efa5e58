using InfoFloPay.Domain.Knowledge;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Knowledge;

public sealed class PutArticleFunction(ApiEndpoint api, KnowledgeBase articles)
{
    [Function("PutArticle")]
    [OpenApiOperation("Write an article in markdown (staff)", Tag = "Knowledge base")]
    [OpenApiRequestBody(typeof(ArticleRequest))]
    [OpenApiRequestHeader(OpenApiHeaders.IfMatch)]
    [OpenApiResponse(200, "Changed", BodyType = typeof(ArticleResponse), Headers = [OpenApiHeaders.ETag])]
    [OpenApiResponse(201, "Written", BodyType = typeof(ArticleResponse), Headers = [OpenApiHeaders.ETag, OpenApiHeaders.Location])]
    [OpenApiProblems(400, 401, 403, 412, 413, 415, 503)]
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
