using InfoFloPay.Domain.Knowledge;

namespace InfoFloPay.Functions.Knowledge;

/// <summary>
/// An in-memory inverted index over every article's token sets, ranked exactly like <see cref="ArticleRanking"/> over a
/// full scan: per field a sorted token list with the articles holding each token, so a query token finds its exact word
/// by binary search and, for 3+ characters, the words it begins as one contiguous range. Immutable once built.
/// </summary>
public sealed class ArticleIndex
{
    private readonly ArticleSummary[] _articles;
    private readonly FieldIndex _title;
    private readonly FieldIndex _tags;
    private readonly FieldIndex _body;

    /// <param name="articles">Every article in storage order (by slug): ties of score and title keep this order.</param>
    public ArticleIndex(IReadOnlyList<(ArticleSummary Summary, ArticleTokens Tokens)> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        _articles = [.. articles.Select(a => a.Summary)];
        _title = new FieldIndex(articles.Select(a => a.Tokens.Title).ToList());
        _tags = new FieldIndex(articles.Select(a => a.Tokens.Tags).ToList());
        _body = new FieldIndex(articles.Select(a => a.Tokens.Body).ToList());
    }

    /// <summary>Articles matching <paramref name="words"/>, best first, then by title; without words, every article by title.</summary>
    public IReadOnlyList<ArticleSearchResult> Search(IReadOnlySet<string> words, int take)
    {
        ArgumentNullException.ThrowIfNull(words);
        var scores = new int[_articles.Length];
        var seen = new int[_articles.Length];
        var stamp = 0;
        foreach (var word in words)
        {
            _title.AddMatches(word, ArticleRanking.TitleWeight, scores, seen, ++stamp);
            _tags.AddMatches(word, ArticleRanking.TagWeight, scores, seen, ++stamp);
            _body.AddMatches(word, ArticleRanking.BodyWeight, scores, seen, ++stamp);
        }

        return Enumerable.Range(0, _articles.Length)
            .Where(n => words.Count == 0 || scores[n] > 0)
            .OrderByDescending(n => scores[n])
            .ThenBy(n => _articles[n].Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(n => n)
            .Take(take)
            .Select(n => new ArticleSearchResult(_articles[n].Slug, _articles[n].Title, _articles[n].Tags, _articles[n].UpdatedAt, scores[n]))
            .ToList();
    }

    /// <summary>One field's words, sorted ordinally, each with the articles (by position) that hold it.</summary>
    private sealed class FieldIndex
    {
        private readonly string[] _words;
        private readonly int[][] _postings;

        public FieldIndex(IReadOnlyList<IReadOnlySet<string>> perArticle)
        {
            var postings = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
            for (var n = 0; n < perArticle.Count; n++)
            {
                foreach (var word in perArticle[n])
                {
                    if (!postings.TryGetValue(word, out var list))
                    {
                        postings[word] = list = [];
                    }

                    list.Add(n);
                }
            }

            _words = [.. postings.Keys];
            _postings = [.. postings.Values.Select(list => list.ToArray())];
        }

        /// <summary>Adds <paramref name="weight"/> once to every article with a word equal to <paramref name="token"/>
        /// or, for 3+ characters, beginning with it; <paramref name="stamp"/> marks an article as counted.</summary>
        public void AddMatches(string token, int weight, int[] scores, int[] seen, int stamp)
        {
            var first = Array.BinarySearch(_words, token, StringComparer.Ordinal);
            var from = first >= 0 ? first : ~first;
            var to = token.Length >= 3
                ? EndOfPrefix(from, token)
                : first >= 0 ? first + 1 : from;
            for (var w = from; w < to; w++)
            {
                foreach (var n in _postings[w])
                {
                    if (seen[n] != stamp)
                    {
                        seen[n] = stamp;
                        scores[n] += weight;
                    }
                }
            }
        }

        private int EndOfPrefix(int from, string prefix)
        {
            var to = from;
            while (to < _words.Length && _words[to].StartsWith(prefix, StringComparison.Ordinal))
            {
                to++;
            }

            return to;
        }
    }
}
