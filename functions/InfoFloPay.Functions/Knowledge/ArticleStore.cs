using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InfoFloPay.Domain;
using InfoFloPay.Domain.Knowledge;
using InfoFloPay.Functions.Storage;

namespace InfoFloPay.Functions.Knowledge;

/// <summary>
/// Articles in the <c>articles</c> table, one partition (<c>kb</c>), RowKey = slug. Each row carries its normalized
/// search tokens per field, so loading the search index reads only those columns of the one partition. Every write
/// rewrites the version row (<see cref="VersionRow"/>) in the same batch: its ETag tells a cached index it is stale.
/// </summary>
public sealed class ArticleStore(EnsuredTable table)
{
    public const string Partition = "kb";

    /// <summary>The version row's RowKey: '~' is in no slug and sorts after every one.</summary>
    public const string VersionRow = "~version";

    private static readonly string[] SearchColumns = ["RowKey", "Title", "Tags", "UpdatedAt", "TitleTokens", "TagTokens", "BodyTokens"];

    public async Task<(Article Article, ETag ETag)?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var row = await client.GetEntityIfExistsAsync<TableEntity>(Partition, slug, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? (ToArticle(row.Value!), row.Value!.ETag) : null;
    }

    /// <summary>
    /// Creates or replaces; with <paramref name="ifMatch"/> only if the article is unchanged (else 412, also when it does
    /// not exist). One round trip (a batch of the article and the version row) for a conditional replace and for a new
    /// article; an unconditional replace of an existing one is found out by the insert's 409 and costs a second.
    /// </summary>
    public async Task<(ETag ETag, bool Created)> PutAsync(Article article, ArticleTokens tokens, ETag? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(tokens);
        var row = new TableEntity(Partition, article.Slug)
        {
            ["Title"] = article.Title,
            ["Body"] = article.Body,
            ["Html"] = article.Html,
            ["Tags"] = JsonSerializer.Serialize(article.Tags),
            ["UpdatedAt"] = article.UpdatedAt,
            ["UpdatedBy"] = article.UpdatedBy,
            ["TitleTokens"] = SearchTokens.Join(tokens.Title),
            ["TagTokens"] = SearchTokens.Join(tokens.Tags),
            ["BodyTokens"] = SearchTokens.Join(tokens.Body),
        };
        var client = await table.GetAsync().ConfigureAwait(false);
        if (ifMatch is { } etag)
        {
            try
            {
                return (await SubmitAsync(client, new(TableTransactionActionType.UpdateReplace, row, etag), cancellationToken).ConfigureAwait(false), false);
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is 0 && ex.Status is 404 or 412)
            {
                throw new RequestRejectedException(Rejection.Stale, $"Article {article.Slug} has changed since it was read.");
            }
        }

        try
        {
            return (await SubmitAsync(client, new(TableTransactionActionType.Add, row), cancellationToken).ConfigureAwait(false), true);
        }
        catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is 0 && ex.Status == 409)
        {
            // Articles are never deleted, so the one that is there stays for the replace; the last writer wins.
            return (await SubmitAsync(client, new(TableTransactionActionType.UpsertReplace, row), cancellationToken).ConfigureAwait(false), false);
        }
    }

    /// <summary>The version row's ETag (one point read of its key alone), null before any article was written with it.</summary>
    public async Task<ETag?> VersionAsync(CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var row = await client.GetEntityIfExistsAsync<TableEntity>(Partition, VersionRow, ["RowKey"], cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.ETag : null;
    }

    /// <summary>The article's write and the version row's rewrite as one batch; the article's new ETag.</summary>
    private static async Task<ETag> SubmitAsync(TableClient client, TableTransactionAction write, CancellationToken cancellationToken)
    {
        var version = new TableEntity(Partition, VersionRow) { ["Slug"] = write.Entity.RowKey };
        var result = await client.SubmitTransactionAsync([write, new(TableTransactionActionType.UpsertReplace, version)], cancellationToken).ConfigureAwait(false);
        return result.Value[0].Headers.ETag!.Value;
    }

    /// <summary>Every article's title, tags and token sets, in slug order: one query over the one partition (the version
    /// row, after every slug, left out).</summary>
    public async Task<IReadOnlyList<(ArticleSummary Summary, ArticleTokens Tokens)>> SearchableAsync(CancellationToken cancellationToken)
    {
        var client = await table.GetAsync().ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {VersionRow}");
        var rows = new List<(ArticleSummary, ArticleTokens)>();
        await foreach (var row in client.QueryAsync<TableEntity>(filter, select: SearchColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add((
                new ArticleSummary(row.RowKey, row.GetString("Title") ?? row.RowKey, Tags(row), row.GetDateTimeOffset("UpdatedAt") ?? default),
                new ArticleTokens(SearchTokens.Split(row.GetString("TitleTokens")), SearchTokens.Split(row.GetString("TagTokens")), SearchTokens.Split(row.GetString("BodyTokens")))));
        }

        return rows;
    }

    private static Article ToArticle(TableEntity row) => new(
        row.RowKey,
        row.GetString("Title") ?? row.RowKey,
        row.GetString("Body") ?? string.Empty,
        row.GetString("Html") ?? string.Empty,
        Tags(row),
        row.GetDateTimeOffset("UpdatedAt") ?? default,
        row.GetString("UpdatedBy") ?? string.Empty);

    private static List<string> Tags(TableEntity row) => JsonSerializer.Deserialize<List<string>>(row.GetString("Tags") ?? "[]") ?? [];
}

public sealed record ArticleSummary(string Slug, string Title, IReadOnlyList<string> Tags, DateTimeOffset UpdatedAt);
