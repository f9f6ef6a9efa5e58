using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Operations.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InfoFloPay.Functions.Attachments;

public sealed class UploadAttachmentFunction(ApiEndpoint api, AttachmentService attachments)
{
    [Function("UploadAttachment")]
    [OpenApiOperation("Attach a file (multipart/form-data, field 'file'); whoever may reply may attach. The type is sniffed from the content", Tag = "Attachments")]
    [OpenApiFileUpload("file", "The file; its name is the part's filename. Size limit and type allow-list: README, Attachments")]
    [OpenApiResponse(201, "The stored attachment; Location is its download", BodyType = typeof(AttachmentResponse), Headers = [OpenApiHeaders.Location])]
    [OpenApiProblems(400, 401, 404, 409, 413, 415, 503)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tickets/{id}/attachments")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.RunAsync(request, async caller =>
        {
            var upload = await MultipartFileUpload.OpenAsync(request, cancellationToken).ConfigureAwait(false);
            var attachment = await attachments.UploadAsync(id, upload, caller, cancellationToken).ConfigureAwait(false);
            return new ApiResult(StatusCodes.Status201Created, AttachmentResponse.From(attachment))
                .WithHeader("Location", $"/api/tickets/{attachment.TicketId}/attachments/{attachment.Id}");
        }, cancellationToken);
}
