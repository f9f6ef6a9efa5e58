namespace InfoFloPay.IntegrationTests.Console;

/// <summary>The console's browser tests share one seeded host and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollectionDefinition : ICollectionFixture<ConsoleSite>
{
    public const string Name = "Console in a real browser";
}
