using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Webhooks;

internal sealed class ListWebhookDeliveriesFunction(ApiEndpoint api, WebhookRegistry webhooks)
{
    [Function("ListWebhookDeliveries")]
    [OpenApiOperation("A webhook's recent delivery attempts, newest first (manager)", Tag = "Webhooks")]
    [OpenApiResponse(200, "The most recent attempts (Webhooks__DeliveryLogLength, default 50)", BodyType = typeof(DeliveryListResponse))]
    [OpenApiProblems(401, 403, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks/{name}/deliveries")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            WebhookRegistry.RequireManager(caller);
            var attempts = await webhooks.DeliveriesAsync(name, cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(new DeliveryListResponse(attempts));
        }, cancellationToken);
}
