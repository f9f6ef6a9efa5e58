using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Webhooks;

internal sealed class GetWebhookFunction(ApiEndpoint api, WebhookRegistry webhooks)
{
    [Function("GetWebhook")]
    [OpenApiOperation("One webhook, its secret never shown (manager)", Tag = "Webhooks")]
    [OpenApiResponse(200, "The webhook", BodyType = typeof(WebhookResponse))]
    [OpenApiProblems(401, 403, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            WebhookRegistry.RequireManager(caller);
            return ApiResult.Ok(WebhookResponse.From(await webhooks.GetAsync(name, cancellationToken).ConfigureAwait(false)));
        }, cancellationToken);
}
