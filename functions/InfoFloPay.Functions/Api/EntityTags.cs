using Azure;
using Microsoft.AspNetCore.Http;

namespace InfoFloPay.Functions.Api;

/// <summary>ETag / If-Match as HTTP carries them: the storage ETag is passed through unchanged.</summary>
public static class EntityTags
{
    public static ETag? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers.IfMatch.ToString();
        return string.IsNullOrWhiteSpace(value) || value.Trim() == "*" ? null : new ETag(value.Trim());
    }

    public static ApiResult WithETag(this ApiResult result, ETag etag)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.WithHeader("ETag", etag.ToString("H"));
    }
}
