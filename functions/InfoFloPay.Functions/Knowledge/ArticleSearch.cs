using Azure;

namespace InfoFloPay.Functions.Knowledge;

/// <summary>
/// Serves searches from an <see cref="ArticleIndex"/> held in memory. Every article write also rewrites the version row
/// in the same batch, so a query costs one point read of that row while nothing changed, and a reload of the one
/// partition (plus that read) after a write on any instance. The version is read before the reload: a write racing
/// the reload leaves a newer version behind, and the next query loads again.
/// </summary>
public sealed class ArticleSearch(ArticleStore store)
{
    private Snapshot? _current;

    public async Task<ArticleIndex> IndexAsync(CancellationToken cancellationToken)
    {
        var version = await store.VersionAsync(cancellationToken).ConfigureAwait(false);
        var current = Volatile.Read(ref _current);
        if (current is not null && current.Version == version)
        {
            return current.Index;
        }

        var index = new ArticleIndex(await store.SearchableAsync(cancellationToken).ConfigureAwait(false));
        Volatile.Write(ref _current, new Snapshot(version, index));
        return index;
    }

    /// <param name="Version">The version row's ETag when the index was loaded; null while no article was written with one.</param>
    private sealed record Snapshot(ETag? Version, ArticleIndex Index);
}
