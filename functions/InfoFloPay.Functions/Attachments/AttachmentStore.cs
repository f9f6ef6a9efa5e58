using Azure;
using Azure.Data.Tables;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using InfoFloPay.Domain.Tickets;
using InfoFloPay.Functions.Storage;
using InfoFloPay.Functions.Tickets;

namespace InfoFloPay.Functions.Attachments;

/// <summary>
/// Attachment bytes in the private blob container, their metadata in the ticket's partition of the tickets table
/// (RowKey <c>attach|{ticketId}|{attachmentId}</c>), committed with the timeline entry in one transaction.
/// </summary>
public sealed class AttachmentStore(AttachmentContainer container, EnsuredTable tickets)
{
    private const int BlockSize = 4 * 1024 * 1024;

    private static string RowKey(string ticketId, string attachmentId) => $"attach|{ticketId}|{attachmentId}";

    private static string RowsOf(string ticketId) => $"attach|{ticketId}|";

    /// <summary>Streams <paramref name="content"/> to a new blob in blocks (never the whole file in memory); fails rather
    /// than overwrite, since every upload gets a fresh name. One block in flight at a time, so when the source fails no
    /// block is still being staged behind <see cref="DeleteBlobAsync"/>.</summary>
    public async Task UploadBlobAsync(string blobName, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var client = await container.GetForTransferAsync().ConfigureAwait(false);
        await client.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = BlockSize, MaximumTransferSize = BlockSize, MaximumConcurrency = 1 },
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes a blob and any blocks an interrupted upload staged for it: uncommitted blocks cannot be deleted on
    /// their own, so an empty block list is committed first (which discards them) and that blob deleted.</summary>
    public async Task DeleteBlobAsync(string blobName, CancellationToken cancellationToken)
    {
        var client = await container.GetAsync().ConfigureAwait(false);
        await client.GetBlockBlobClient(blobName).CommitBlockListAsync([], cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.GetBlobClient(blobName).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The metadata row and the timeline entry, both or neither.</summary>
    public async Task CommitAsync(Attachment attachment, TicketEvent added, string? customerId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var row = new TableEntity(TicketKeys.Partition, RowKey(attachment.TicketId, attachment.Id))
        {
            ["FileName"] = attachment.FileName,
            ["ContentType"] = attachment.ContentType,
            ["Size"] = attachment.Size,
            ["UploadedAt"] = attachment.UploadedAt,
            ["UploadedBy"] = attachment.UploadedBy,
        };
        var client = await tickets.GetAsync().ConfigureAwait(false);
        await client.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, row), new TableTransactionAction(TableTransactionActionType.Add, TicketRows.EventRow(added, customerId))],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Attachment>> ListAsync(string ticketId, CancellationToken cancellationToken)
    {
        var client = await tickets.GetAsync().ConfigureAwait(false);
        var prefix = RowsOf(ticketId);
        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TicketKeys.Partition} and RowKey ge {prefix} and RowKey lt {upper}");
        var found = new List<Attachment>();
        await foreach (var row in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(ToAttachment(ticketId, row));
        }

        return [.. found.OrderBy(a => a.UploadedAt).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    public async Task<Attachment?> FindAsync(string ticketId, string attachmentId, CancellationToken cancellationToken)
    {
        var client = await tickets.GetAsync().ConfigureAwait(false);
        var row = await client.GetEntityIfExistsAsync<TableEntity>(TicketKeys.Partition, RowKey(ticketId, attachmentId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue ? ToAttachment(ticketId, row.Value!) : null;
    }

    public async Task<Stream> OpenReadAsync(Attachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var client = await container.GetAsync().ConfigureAwait(false);
        var download = await client.GetBlobClient(attachment.BlobName).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return download.Value.Content;
    }

    /// <summary>How many blobs ticket <paramref name="ticketId"/> has, for tests that check a refused upload left none.</summary>
    internal async Task<int> CountBlobsAsync(string ticketId, CancellationToken cancellationToken)
    {
        var client = await container.GetAsync().ConfigureAwait(false);
        var count = 0;
        await foreach (var _ in client.GetBlobsAsync(BlobTraits.None, BlobStates.All, ticketId + "/", cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static Attachment ToAttachment(string ticketId, TableEntity row) => new(
        row.RowKey[RowsOf(ticketId).Length..],
        ticketId,
        row.GetString("FileName"),
        row.GetString("ContentType"),
        row.GetInt64("Size") ?? 0,
        row.GetDateTimeOffset("UploadedAt") ?? default,
        row.GetString("UploadedBy"));
}

/// <summary>The private attachments container, created on first use (once per process) where the identity may; in
/// Azure the template creates it and the app's role may not, which is fine. Two handles on it, both under the
/// <c>Storage__*</c> budget: <paramref name="calls"/> for the calls that carry no file (create, delete, list, the start of
/// a download, whose reads then each wait at most one try's timeout), <paramref name="transfers"/> for staging a block of a
/// file, the one call that sends up to 4 MB and so gets <see cref="StorageOptions.BlobTransferTimeout"/> per try.</summary>
public sealed class AttachmentContainer(BlobContainerClient calls, BlobContainerClient transfers)
{
    private readonly Lock _gate = new();
    private Task? _created;

    public async Task<BlobContainerClient> GetAsync()
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        return calls;
    }

    public async Task<BlobContainerClient> GetForTransferAsync()
    {
        await EnsureCreatedAsync().ConfigureAwait(false);
        return transfers;
    }

    private Task EnsureCreatedAsync()
    {
        lock (_gate)
        {
            return _created is { IsFaulted: false, IsCanceled: false } ? _created : _created = CreateAsync();
        }
    }

    private async Task CreateAsync()
    {
        try
        {
            await calls.CreateIfNotExistsAsync(PublicAccessType.None).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            // Storage Blob Data Contributor cannot always create containers; the template made this one.
        }
    }
}
