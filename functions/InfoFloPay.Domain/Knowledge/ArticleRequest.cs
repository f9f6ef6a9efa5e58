namespace InfoFloPay.Domain.Knowledge;

public sealed record ArticleRequest(string? Title, string? Body, IReadOnlyList<string?>? Tags);
