using System.Buffers.Text;
using System.Text;
using InfoFloPay.Domain;

namespace InfoFloPay.Functions.Tickets;

/// <summary>
/// Continuation tokens carry the storage paging position, base64url-encoded for the URL. Storage applies the
/// list's own filter (partition, RowKey range, account) after the position, so an edited token can skip rows but
/// never reach rows outside the caller's list.
/// </summary>
public static class ContinuationTokens
{
    public static string? Encode(string? storageToken) =>
        storageToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(storageToken));

    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            return decoded.Contains(' ', StringComparison.Ordinal) ? decoded : throw Invalid();
        }
        catch (FormatException)
        {
            throw Invalid();
        }
    }

    public static RequestRejectedException Invalid()
    {
        var errors = new ValidationErrors();
        errors.Add("continuationToken", "The continuation token is not one this list returned.");
        return RequestRejectedException.Validation(errors);
    }
}
