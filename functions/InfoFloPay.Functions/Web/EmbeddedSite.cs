using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InfoFloPay.Functions.Web;

/// <summary>
/// A static page and its files, embedded in this assembly under one resource prefix (e.g. <c>Portal/wwwroot</c>). Only
/// the names a site lists are served, so a request path can never reach anything else in the assembly or on disk; a
/// listed name that is not embedded fails at start-up rather than as a 404 in front of a user.
/// </summary>
public abstract class EmbeddedSite
{
    public const string IndexName = "index.html";

    private readonly Dictionary<string, EmbeddedFile> _files;

    protected EmbeddedSite(Assembly assembly, string resourcePrefix, IReadOnlyDictionary<string, string> contentTypes)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(contentTypes);
        _files = contentTypes.ToDictionary(pair => pair.Key, pair => Load(assembly, resourcePrefix, pair.Key, pair.Value), StringComparer.Ordinal);
    }

    /// <summary>The names this site serves.</summary>
    public IReadOnlyCollection<string> Names => _files.Keys;

    /// <summary>The file for a path under the site's route; an empty path is the page itself.</summary>
    public EmbeddedFile? Find(string? path) =>
        _files.GetValueOrDefault(string.IsNullOrEmpty(path) ? IndexName : path);

    /// <summary>Answers a GET under the site's route: the file, a redirect to the page's address with a trailing slash
    /// (so its relative links resolve under the site), or a 404 for anything the site does not list.</summary>
    public IActionResult Serve(HttpRequest request, string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(path) && request.Path.HasValue && !request.Path.Value.EndsWith('/'))
        {
            return EmbeddedSiteResult.Redirect(request.PathBase + request.Path + "/");
        }

        return Find(path) is { } file ? EmbeddedSiteResult.File(file) : EmbeddedSiteResult.NotFound();
    }

    private static EmbeddedFile Load(Assembly assembly, string resourcePrefix, string name, string contentType)
    {
        var resource = $"{resourcePrefix}.{name}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The page file '{resource}' is not embedded in {assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        return new EmbeddedFile(name, contentType, content, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
    }
}
