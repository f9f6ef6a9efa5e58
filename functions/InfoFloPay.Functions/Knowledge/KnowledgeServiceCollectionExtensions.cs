using Azure.Data.Tables;
using InfoFloPay.Functions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace InfoFloPay.Functions.Knowledge;

internal static class KnowledgeServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services) =>
        services
            .AddSingleton<MarkdownRenderer>()
            .AddSingleton(sp => new ArticleStore(new EnsuredTable(sp.GetRequiredService<TableServiceClient>().GetTableClient(HelpdeskTables.Articles))))
            .AddSingleton<ArticleSearch>()
            .AddSingleton<KnowledgeBase>();
}
