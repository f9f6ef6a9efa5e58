using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Attachments;

public sealed class ListAttachmentsFunction(ApiEndpoint api, AttachmentService attachments)
{
    [Function("ListAttachments")]
    [OpenApiOperation("A ticket's attachments, oldest first", Tag = "Attachments")]
    [OpenApiResponse(200, "The attachments", BodyType = typeof(AttachmentListResponse))]
    [OpenApiProblems(401, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tickets/{id}/attachments")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var found = await attachments.ListAsync(id, caller, cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(new AttachmentListResponse([.. found.Select(AttachmentResponse.From)]));
        }, cancellationToken);
}
