namespace InfoFloPay.Functions.Attachments;

/// <summary>One stored file of a ticket: its metadata row; the bytes are the blob <see cref="BlobName"/>.</summary>
public sealed record Attachment(
    string Id,
    string TicketId,
    string FileName,
    string ContentType,
    long Size,
    DateTimeOffset UploadedAt,
    string UploadedBy)
{
    public string BlobName => $"{TicketId}/{Id}";
}

/// <summary>An attachment as the API returns it.</summary>
public sealed record AttachmentResponse(string Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt)
{
    public static AttachmentResponse From(Attachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return new(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.UploadedAt);
    }
}

public sealed record AttachmentListResponse(IReadOnlyList<AttachmentResponse> Items);
