using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Webhooks;

internal sealed class ListWebhooksFunction(ApiEndpoint api, WebhookRegistry webhooks)
{
    [Function("ListWebhooks")]
    [OpenApiOperation("Every webhook, its secret never shown (manager)", Tag = "Webhooks")]
    [OpenApiResponse(200, "Every webhook", BodyType = typeof(WebhookListResponse))]
    [OpenApiProblems(401, 403, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            WebhookRegistry.RequireManager(caller);
            var all = await webhooks.ListAsync(cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(new WebhookListResponse([.. all.Select(WebhookResponse.From)]));
        }, cancellationToken);
}
