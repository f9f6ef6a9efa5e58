namespace InfoFloPay.Functions.Storage;

/// <summary>
/// The time budget of every Table and Blob Storage call (<c>Storage__*</c>). The SDK's own defaults (100 s per try,
/// 3 retries) let a hung store hold a request for minutes; with these defaults the worst case is about
/// (<see cref="MaxRetries"/> + 1) × <see cref="NetworkTimeout"/> + the delays between tries ≈ 16.5 s, so the caller gets
/// a 503 with Retry-After well within 30 s; staging a block of an attachment waits <see cref="BlobTransferTimeout"/> per
/// try instead (≈ 91.5 s at worst). The defaults are the production values; settings only tune them.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>How long one try may wait for the store's answer.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after the first try (exponential back-off between them).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>The first back-off; it doubles per retry up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one try of staging an attachment block (up to 4 MB, read from the caller before it is sent) may
    /// take: the one storage call whose size is a file's, not a row's. 30 s is 4 MB at about 140 KB/s.</summary>
    public TimeSpan BlobTransferTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
