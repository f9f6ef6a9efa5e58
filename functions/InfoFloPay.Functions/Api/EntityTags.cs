using Azure;
using Microsoft.AspNetCore.Http;

namespace InfoFloPay.Functions.Api;

/// <summary>ETag / If-Match as HTTP carries them: the storage ETag is passed through unchanged.</summary>
public static class EntityTags
{
    /// <summary>The one entity tag a conditional write carries, null for none or <c>*</c>; a malformed value is a 400.</summary>
    public static ETag? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0 || value == "*")
        {
            return null;
        }

        if (!IsEntityTag(value))
        {
            // Passed on, storage answers 400 for it, which would surface as a 500.
            throw ApiProblemException.BadRequest("If-Match",
                "If-Match must be one entity tag as the ETag header gave it (\"…\" or W/\"…\"), or *.");
        }

        // Storage ETags are weak (W/"…"); If-Match compares them weakly, so a client that dropped the W/ still matches.
        return new ETag(value.StartsWith('"') ? "W/" + value : value);
    }

    /// <summary>RFC 9110 entity-tag: optional <c>W/</c>, then a quoted string of etagc (no quote, no control, no space),
    /// ASCII only since storage ETags are.</summary>
    internal static bool IsEntityTag(string value)
    {
        var opaque = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        return opaque.Length >= 2
            && opaque[0] == '"'
            && opaque[^1] == '"'
            && opaque[1..^1].All(c => c is '!' or (>= '#' and <= '~'));
    }

    public static ApiResult WithETag(this ApiResult result, ETag etag)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.WithHeader("ETag", etag.ToString("H"));
    }
}
