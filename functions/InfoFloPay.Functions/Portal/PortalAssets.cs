using System.Reflection;
using System.Security.Cryptography;

namespace InfoFloPay.Functions.Portal;

/// <summary>
/// The portal's files, embedded in this assembly (Portal/wwwroot). Only the names listed here are served, so a request
/// path can never reach anything else in the assembly or on disk.
/// </summary>
public sealed class PortalAssets
{
    public const string IndexName = "index.html";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [IndexName] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    };

    private readonly Dictionary<string, PortalAsset> _assets;

    public PortalAssets()
        : this(typeof(PortalAssets).Assembly)
    {
    }

    internal PortalAssets(Assembly assembly)
    {
        _assets = ContentTypes.ToDictionary(pair => pair.Key, pair => Load(assembly, pair.Key, pair.Value), StringComparer.Ordinal);
    }

    /// <summary>The asset for a path under the portal's route; an empty path is the page itself.</summary>
    public PortalAsset? Find(string? path) =>
        _assets.GetValueOrDefault(string.IsNullOrEmpty(path) ? IndexName : path);

    private static PortalAsset Load(Assembly assembly, string name, string contentType)
    {
        var resource = $"InfoFloPay.Functions.Portal.wwwroot.{name}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The portal asset '{resource}' is not embedded in {assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        return new PortalAsset(name, contentType, content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
    }
}
