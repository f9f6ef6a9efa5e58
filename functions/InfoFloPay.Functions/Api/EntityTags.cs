using Azure;
using Microsoft.AspNetCore.Http;

namespace InfoFloPay.Functions.Api;

/// <summary>ETag / If-Match as HTTP carries them: the storage ETag is passed through unchanged.</summary>
public static class EntityTags
{
    public static ETag? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0 || value == "*")
        {
            return null;
        }

        // Storage ETags are weak (W/"…"); If-Match compares them weakly, so a client that dropped the W/ still matches.
        return new ETag(value.StartsWith('"') ? "W/" + value : value);
    }

    public static ApiResult WithETag(this ApiResult result, ETag etag)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.WithHeader("ETag", etag.ToString("H"));
    }
}
