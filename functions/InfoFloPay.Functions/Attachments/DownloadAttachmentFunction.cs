using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Attachments;

public sealed class DownloadAttachmentFunction(ApiEndpoint api, AttachmentService attachments)
{
    [Function("DownloadAttachment")]
    [OpenApiOperation("Download one attachment (Content-Disposition: attachment, X-Content-Type-Options: nosniff, the sniffed type)", Tag = "Attachments")]
    [OpenApiResponse(200, "The file's bytes")]
    [OpenApiProblems(401, 404, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "tickets/{id}/attachments/{attachmentId}")] HttpRequest request,
        string id,
        string attachmentId,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var (attachment, content) = await attachments.OpenAsync(id, attachmentId, caller, cancellationToken).ConfigureAwait(false);
            return new AttachmentDownloadResult(attachment, content);
        }, cancellationToken);
}
