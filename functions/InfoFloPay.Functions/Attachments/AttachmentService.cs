using InfoFloPay.Domain;
using InfoFloPay.Domain.Attachments;
using InfoFloPay.Domain.Identity;
using InfoFloPay.Domain.Intake;
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

        return await StoreAsync(ticket, Guid.NewGuid().ToString("N"), upload.FileName, upload.Content, Actor(caller), caller.Email, upload.EnsureNothingFollowsAsync, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The files of an inbound mail on the ticket it became (or was added to), by the same size and type rules as an
    /// upload. A file the rules refuse is noted on the timeline (<see cref="TicketEventKind.AttachmentRefused"/>) and
    /// the rest still go on. Ids come from the mail's receipt and the file's position, so handling the same mail again
    /// (a pipeline retry after a crash) adds what is missing and nothing twice. Returns what was added now.
    /// </summary>
    public async Task<IReadOnlyList<Attachment>> AddFromMailAsync(
        string ticketId, string receiptId, IReadOnlyList<MailAttachment> files, EventActor sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(sender);
        var added = new List<Attachment>();
        if (files.Count == 0)
        {
            return added;
        }

        var ticket = (await tickets.GetAsync(ticketId, Caller.System("email intake"), cancellationToken).ConfigureAwait(false)).Ticket;
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var id = MailAttachmentId(receiptId, i);
            if (await store.FindAsync(ticket.Id, id, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            try
            {
                if (ticket.Status == TicketStatus.Closed)
                {
                    throw RequestRejectedException.Conflict($"Ticket {ticket.Id} is closed.");
                }

                using var content = new MemoryStream(file.Content.ToArray(), writable: false);
                added.Add(await StoreAsync(ticket, id, file.FileName, content, sender, sender.Email, null, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is ApiProblemException or RequestRejectedException)
            {
                var reason = ex is ApiProblemException problem ? problem.Message : "the ticket is closed";
                var fileName = AttachmentFileNames.Clean(file.FileName);
                logger.LogInformation("Attachment {FileName} of mail {ReceiptId} on ticket {TicketId} refused: {Reason}", fileName, receiptId, ticket.Id, reason);
                await tickets.AppendEventOnceAsync(ticket, new TicketEvent
                {
                    Id = "ar-" + id,
                    TicketId = ticket.Id,
                    Kind = TicketEventKind.AttachmentRefused,
                    Visibility = EventVisibility.Public,
                    OccurredAt = clock.GetUtcNow(),
                    Actor = sender,
                    Note = $"{fileName}: {reason}",
                }, cancellationToken).ConfigureAwait(false);
            }
        }

        return added;
    }

    /// <summary>The attachment id of a mail's <paramref name="index"/>th file: stable for the same mail.</summary>
    public static string MailAttachmentId(string receiptId, int index) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"mail\n{receiptId}\n{index}"))))[..32];

    /// <summary>Sniffs, streams to a fresh blob within the size limit, then records metadata and timeline together.</summary>
    private async Task<Attachment> StoreAsync(
        Ticket ticket, string id, string rawFileName, Stream source, EventActor actor, string uploadedBy, Func<CancellationToken, Task>? afterContent, CancellationToken cancellationToken)
    {
        var fileName = AttachmentFileNames.Clean(rawFileName);
        var header = new byte[AttachmentContentTypes.HeaderLength];
        var headerLength = await source.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (headerLength == 0)
        {
            throw ApiProblemException.BadRequest(MultipartFileUpload.FieldName, "The file is empty.");
        }

        var contentType = AttachmentContentTypes.Sniff(header.AsSpan(0, headerLength), fileName, complete: headerLength < header.Length)
            ?? throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"This kind of file cannot be attached. Allowed: {AttachmentContentTypes.AllowedDescription}. The type is read from the file's content, not its name.");

        var maxBytes = options.Value.MaxBytes;
        var attachment = new Attachment(id, ticket.Id, fileName, contentType, 0, clock.GetUtcNow(), uploadedBy);
        var content = new SizeLimitedStream(header.AsMemory(0, headerLength), source, maxBytes);
        try
        {
            await store.UploadBlobAsync(attachment.BlobName, content, contentType, cancellationToken).ConfigureAwait(false);
            if (afterContent is not null)
            {
                await afterContent(cancellationToken).ConfigureAwait(false);
            }

            attachment = attachment with { Size = content.BytesRead };
            await store.CommitAsync(attachment, AddedEvent(attachment, actor), ticket.CustomerId, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == StatusCodes.Status409Conflict && afterContent is null)
        {
            // A mail's file under its stable id, recorded meanwhile by another handling of the same mail: the blob is the
            // same bytes under the same name and now theirs, so it stays.
            if (await store.FindAsync(ticket.Id, id, cancellationToken).ConfigureAwait(false) is { } recorded)
            {
                return recorded;
            }

            throw;
        }
        catch
        {
            // The blob may be partly or wholly written; without its metadata row nobody could find it, so it goes.
            await DeleteOrphanAsync(attachment, CancellationToken.None).ConfigureAwait(false);
            if (content.Exceeded)
            {
                logger.LogInformation("Attachment to ticket {TicketId} by {Caller} refused: over {MaxBytes} bytes", ticket.Id, uploadedBy, maxBytes);
                throw new ApiProblemException(StatusCodes.Status413PayloadTooLarge, "File too large",
                    $"The file is larger than the limit of {maxBytes} bytes ({maxBytes / (1024.0 * 1024):0.#} MB).");
            }

            throw;
        }

        logger.LogInformation("Attachment {AttachmentId} ({ContentType}, {Size} bytes) added to ticket {TicketId} by {Caller}",
            attachment.Id, attachment.ContentType, attachment.Size, ticket.Id, uploadedBy);
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

    private static EventActor Actor(Caller caller) => new(caller.Email, caller.Name, EnumText.Of(caller.Role));

    private static TicketEvent AddedEvent(Attachment attachment, EventActor actor) => new()
    {
        Id = "a-" + attachment.Id,
        TicketId = attachment.TicketId,
        Kind = TicketEventKind.AttachmentAdded,
        Visibility = EventVisibility.Public,
        OccurredAt = attachment.UploadedAt,
        Actor = actor,
        Note = attachment.FileName,
    };
}
