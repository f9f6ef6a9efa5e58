using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Webhooks;

internal sealed class PutWebhookFunction(ApiEndpoint api, WebhookRegistry webhooks)
{
    [Function("PutWebhook")]
    [OpenApiOperation("Add or change a webhook: url, events, whsec_ signing secret (manager)", Tag = "Webhooks")]
    [OpenApiRequestBody(typeof(WebhookRequest))]
    [OpenApiResponse(200, "Changed", BodyType = typeof(WebhookResponse))]
    [OpenApiResponse(201, "Added", BodyType = typeof(WebhookResponse), Headers = [OpenApiHeaders.Location])]
    [OpenApiProblems(400, 401, 403, 413, 415, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "webhooks/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            WebhookRegistry.RequireManager(caller);
            var body = await JsonRequestBody.ReadAsync<WebhookRequest>(request, cancellationToken).ConfigureAwait(false);
            var (hook, created) = await webhooks.PutAsync(name, body, cancellationToken).ConfigureAwait(false);
            return new ApiResult(created ? StatusCodes.Status201Created : StatusCodes.Status200OK, WebhookResponse.From(hook))
                .WithHeader("Location", created ? $"/api/webhooks/{hook.Name}" : null);
        }, cancellationToken);
}
