using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Webhooks;

internal sealed class DeleteWebhookFunction(ApiEndpoint api, WebhookRegistry webhooks)
{
    [Function("DeleteWebhook")]
    [OpenApiOperation("Remove a webhook with its delivery log; pending retries are dropped (manager)", Tag = "Webhooks")]
    [OpenApiResponse(204, "Removed")]
    [OpenApiProblems(401, 403, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "webhooks/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            WebhookRegistry.RequireManager(caller);
            await webhooks.DeleteAsync(name, cancellationToken).ConfigureAwait(false);
            return new ApiResult(StatusCodes.Status204NoContent, null);
        }, cancellationToken);
}
