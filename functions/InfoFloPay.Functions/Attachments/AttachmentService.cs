using InfoFloPay.Domain;
using InfoFloPay.Domain.Attachments;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Api;
using InfoFloPay.Functions.Tickets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InfoFloPay.Functions.Attachments;

/// <summary>
/// Files on tickets, with the ticket's access rules (who may not see the ticket is told it does not exist; who may
/// reply may attach). An upload is sniffed from its first bytes, streamed to a blob under a fresh name, and only then
/// recorded (metadata and timeline entry together); a refused or failed upload deletes its blob, so nothing is half-written.
/// </summary>
public sealed class AttachmentService(
    TicketService tickets,
    AttachmentStore store,
    IOptions<AttachmentOptions> options,
    TimeProvider clock,
    ILogger<AttachmentService> logger)
{
    public async Task<Attachment> UploadAsync(string ticketId, MultipartFileUpload upload, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(caller);
        var ticket = (await tickets.GetAsync(ticketId, caller, cancellationToken).ConfigureAwait(false)).Ticket;
        if (!TicketPermissions.MayAttach(caller, ticket))
        {
            throw RequestRejectedException.Conflict($"Ticket {ticket.Id} is closed; open a new ticket instead.");
        }

        var fileName = AttachmentFileNames.Clean(upload.FileName);
        var header = new byte[AttachmentContentTypes.HeaderLength];
        var headerLength = await upload.Content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (headerLength == 0)
        {
            throw ApiProblemException.BadRequest(MultipartFileUpload.FieldName, "The file is empty.");
        }

        var contentType = AttachmentContentTypes.Sniff(header.AsSpan(0, headerLength), fileName, complete: headerLength < header.Length)
            ?? throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"This kind of file cannot be attached. Allowed: {AttachmentContentTypes.AllowedDescription}. The type is read from the file's content, not its name.");

        var maxBytes = options.Value.MaxBytes;
        var attachment = new Attachment(Guid.NewGuid().ToString("N"), ticket.Id, fileName, contentType, 0, clock.GetUtcNow(), caller.Email);
        var content = new SizeLimitedStream(header.AsMemory(0, headerLength), upload.Content, maxBytes);
        try
        {
            await store.UploadBlobAsync(attachment.BlobName, content, contentType, cancellationToken).ConfigureAwait(false);
            await upload.EnsureNothingFollowsAsync(cancellationToken).ConfigureAwait(false);
            attachment = attachment with { Size = content.BytesRead };
            await store.CommitAsync(attachment, AddedEvent(attachment, caller), ticket.CustomerId, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The blob may be partly or wholly written; without its metadata row nobody could find it, so it goes.
            await DeleteOrphanAsync(attachment, CancellationToken.None).ConfigureAwait(false);
            if (content.Exceeded)
            {
                logger.LogInformation("Attachment to ticket {TicketId} by {Caller} refused: over {MaxBytes} bytes", ticket.Id, caller.Email, maxBytes);
                throw new ApiProblemException(StatusCodes.Status413PayloadTooLarge, "File too large",
                    $"The file is larger than the limit of {maxBytes} bytes ({maxBytes / (1024.0 * 1024):0.#} MB).");
            }

            throw;
        }

        logger.LogInformation("Attachment {AttachmentId} ({ContentType}, {Size} bytes) added to ticket {TicketId} by {Caller}",
            attachment.Id, attachment.ContentType, attachment.Size, ticket.Id, caller.Email);
        return attachment;
    }

    public async Task<IReadOnlyList<Attachment>> ListAsync(string ticketId, Caller caller, CancellationToken cancellationToken)
    {
        var ticket = (await tickets.GetAsync(ticketId, caller, cancellationToken).ConfigureAwait(false)).Ticket;
        return await store.ListAsync(ticket.Id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<(Attachment Attachment, Stream Content)> OpenAsync(string ticketId, string attachmentId, Caller caller, CancellationToken cancellationToken)
    {
        var ticket = (await tickets.GetAsync(ticketId, caller, cancellationToken).ConfigureAwait(false)).Ticket;
        var attachment = IsAttachmentId(attachmentId) ? await store.FindAsync(ticket.Id, attachmentId, cancellationToken).ConfigureAwait(false) : null;
        if (attachment is null)
        {
            throw RequestRejectedException.NotFound($"Attachment {attachmentId} of ticket {ticket.Id}");
        }

        return (attachment, await store.OpenReadAsync(attachment, cancellationToken).ConfigureAwait(false));
    }

    private async Task DeleteOrphanAsync(Attachment attachment, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteBlobAsync(attachment.BlobName, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex)
        {
            // The upload's own failure is what the caller must hear; an unlisted blob is only wasted space.
            logger.LogWarning(ex, "Could not delete blob {BlobName} of a failed attachment upload", attachment.BlobName);
        }
    }

    private static bool IsAttachmentId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    private static TicketEvent AddedEvent(Attachment attachment, Caller caller) => new()
    {
        Id = "a-" + attachment.Id,
        TicketId = attachment.TicketId,
        Kind = TicketEventKind.AttachmentAdded,
        Visibility = EventVisibility.Public,
        OccurredAt = attachment.UploadedAt,
        Actor = new EventActor(caller.Email, caller.Name, EnumText.Of(caller.Role)),
        Note = attachment.FileName,
    };
}
