using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Knowledge;

public sealed class SearchArticlesFunction(ApiEndpoint api, KnowledgeBase articles)
{
    [Function("SearchArticles")]
    [OpenApiOperation("Troubleshooting articles ranked by matches in title, tags and body", Tag = "Knowledge base")]
    [OpenApiQuery("q", "search words; without it, every article by title")]
    [OpenApiResponse(200, "Best match first", BodyType = typeof(ArticleSearchPage))]
    [OpenApiProblems(401, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "articles")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async _ =>
            ApiResult.Ok(new ArticleSearchPage(await articles.SearchAsync(request.Query["q"].FirstOrDefault(), cancellationToken).ConfigureAwait(false))), cancellationToken);
}
