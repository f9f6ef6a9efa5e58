namespace InfoFloPay.Functions.Web;

/// <summary>One file of a page the Function App serves (the portal, the console), as it is served.</summary>
public sealed record EmbeddedFile(string Name, string ContentType, ReadOnlyMemory<byte> Content, string ETag);
