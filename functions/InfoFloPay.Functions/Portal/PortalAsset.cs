namespace InfoFloPay.Functions.Portal;

/// <summary>One file of the customer portal, as it is served.</summary>
public sealed record PortalAsset(string Name, string ContentType, ReadOnlyMemory<byte> Content, string ETag);
