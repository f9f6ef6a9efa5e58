namespace InfoFloPay.IntegrationTests.Portal;

/// <summary>The portal's browser tests share one seeded host and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollectionDefinition : ICollectionFixture<PortalSite>
{
    public const string Name = "Portal in a real browser";
}
