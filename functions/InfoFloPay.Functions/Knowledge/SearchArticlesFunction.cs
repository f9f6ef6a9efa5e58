using InfoFloPay.Functions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Knowledge;

public sealed class SearchArticlesFunction(ApiEndpoint api, KnowledgeBase articles)
{
    [Function("SearchArticles")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "articles")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async _ =>
            ApiResult.Ok(new { items = await articles.SearchAsync(request.Query["q"].FirstOrDefault(), cancellationToken).ConfigureAwait(false) }), cancellationToken);
}
