using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace InfoFloPay.Functions.Attachments;

/// <summary>
/// An attachment served as a download, never as a page: <c>Content-Disposition: attachment</c> with the UTF-8 file
/// name, the sniffed type with <c>X-Content-Type-Options: nosniff</c> and a sandboxing CSP, so a browser neither
/// renders it in the desk's origin nor second-guesses its type. The blob is copied to the response as it arrives.
/// </summary>
internal sealed class AttachmentDownloadResult(Attachment attachment, Stream content) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        await using (content.ConfigureAwait(false))
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(attachment.FileName);
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = attachment.ContentType;
            response.ContentLength = attachment.Size;
            response.Headers.ContentDisposition = disposition.ToString();
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            response.Headers.CacheControl = "private, no-store";
            await content.CopyToAsync(response.Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
