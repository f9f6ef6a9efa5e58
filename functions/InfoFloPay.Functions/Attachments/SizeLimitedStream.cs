namespace InfoFloPay.Functions.Attachments;

/// <summary>
/// The upload as the blob client reads it: the sniffed header bytes, then the rest of the request part, forward only.
/// Reading past <paramref name="maxBytes"/> fails (and sets <see cref="Exceeded"/>), so an oversized file is cut off
/// mid-stream instead of being buffered to find out its size.
/// </summary>
internal sealed class SizeLimitedStream(ReadOnlyMemory<byte> header, Stream rest, long maxBytes) : Stream
{
    private int _headerOffset;

    public long BytesRead { get; private set; }

    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (_headerOffset < header.Length)
        {
            read = Math.Min(buffer.Length, header.Length - _headerOffset);
            header.Slice(_headerOffset, read).CopyTo(buffer);
            _headerOffset += read;
        }
        else
        {
            read = await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            Exceeded = true;
            throw new AttachmentTooLargeException(maxBytes);
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The file is larger than <see cref="AttachmentOptions.MaxBytes"/> (413).</summary>
public sealed class AttachmentTooLargeException : Exception
{
    public AttachmentTooLargeException(long maxBytes)
        : base($"The file is larger than the limit of {maxBytes} bytes.")
    {
        MaxBytes = maxBytes;
    }

    public AttachmentTooLargeException()
    {
    }

    public AttachmentTooLargeException(string message)
        : base(message)
    {
    }

    public AttachmentTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long MaxBytes { get; }
}
